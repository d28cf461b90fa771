import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Outbound } from '@rustok/outbound';
import type { Logger } from 'pino';
import type { WebhookOptions } from '../options.js';
import { byTenant, claimDue } from '../queue.js';
import { recordPerTenant } from './record.js';
import { createSendPipeline } from './send-pipeline.js';
import { loadSendable, type Sendable } from './sendable.js';

export interface DeliveryRunOptions {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly outbound: Outbound;
  readonly options: WebhookOptions;
  readonly logger: Logger;
  /** Stop claiming new work after this long (the run's period; work claimed is finished). */
  readonly budgetMs?: number;
}

/** The claimed deliveries still to send, read in each tenant's transaction; stale claims leave the queue. */
const loadClaimed = async (run: DeliveryRunOptions, tenants: readonly (readonly [string, string[]])[]): Promise<Sendable[]> => {
  const out: Sendable[] = [];
  for (const [tenantId, ids] of tenants) {
    const { sendable, stale } = await run.db.transaction((tx) => loadSendable(tx, tenantId, ids), { tenantId });
    if (stale.length > 0) await run.db.query('DELETE FROM notifications_webhook_queue WHERE delivery_id = ANY($1::uuid[])', [stale]);
    out.push(...sendable);
  }
  return out;
};

/**
 * One delivery run: claims due deliveries, sends each through the SSRF guard with no transaction
 * open (at most `concurrency` at once), records every attempt in its tenant's transaction, until
 * nothing is due or the budget is spent. Claiming overlaps sending: the next deliveries are claimed
 * and read while fewer than a round's worth wait for a slot (the send pipeline does the rest).
 */
export const deliverDue = async (run: DeliveryRunOptions): Promise<{ attempts: number }> => {
  const started = Date.now();
  const { concurrency } = run.options;
  const batch = concurrency * 4;
  const leaseMs = run.options.timeout_ms * 2 + 30_000;
  const overBudget = () => Date.now() - started > (run.budgetMs ?? Number.POSITIVE_INFINITY);
  let attempts = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let refilling: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const pipeline = createSendPipeline({
    outbound: run.outbound,
    concurrency,
    timeoutMs: run.options.timeout_ms,
    logger: run.logger,
    onChange: signal,
    // A tenant's attempts are recorded in its transaction; a failure is logged and the claims expire, so another run tries again.
    record: (results) => {
      attempts += results.length;
      return recordPerTenant({ db: run.db, events: run.events, options: run.options, logger: run.logger }, results);
    },
  });

  /** Claims and reads the next batch (only when fewer than a round's worth wait to be sent). */
  const refill = (): void => {
    if (refilling || exhausted || pipeline.waiting() >= concurrency) return;
    refilling = (async () => {
      if (overBudget()) {
        exhausted = true;
        return;
      }
      const claimed = await claimDue(run.db, 'webhook', batch, leaseMs);
      if (claimed.length < batch) exhausted = true;
      pipeline.push(await loadClaimed(run, [...byTenant(claimed)]));
    })()
      .catch((error: unknown) => {
        // Nothing more is claimed; what is in flight is still sent and recorded, then the run fails.
        exhausted = true;
        failure = { error };
      })
      .finally(() => {
        refilling = undefined;
        signal();
      });
  };

  for (;;) {
    refill();
    if (exhausted && !refilling && pipeline.held() === 0) {
      if (failure) throw failure.error;
      return { attempts };
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
};
