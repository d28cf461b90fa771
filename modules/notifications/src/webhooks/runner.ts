import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Outbound } from '@rustok/outbound';
import type { Logger } from 'pino';
import type { WebhookOptions } from '../options.js';
import { byTenant, claimDue } from '../queue.js';
import { type AttemptResult, attemptDelivery } from './attempt.js';
import { recordPerTenant } from './record.js';
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

/** A tenant's attempts recorded in its transaction; a failure is logged, and the claims expire so another run tries again. */
const recordAll = (run: DeliveryRunOptions, results: readonly AttemptResult[]): Promise<void> =>
  recordPerTenant({ db: run.db, events: run.events, options: run.options, logger: run.logger }, results);

/**
 * One delivery run: claims due deliveries, sends each through the SSRF guard with no transaction
 * open (at most `concurrency` at once), records every attempt in its tenant's transaction, until
 * nothing is due or the budget is spent. The three stages overlap: the next deliveries are claimed
 * and read while others are in flight, and finished attempts are recorded (one transaction at a
 * time, whatever has finished since the last one) while the rest are still being sent, so neither
 * the database's round trips nor the slowest answer of a batch holds the sending up.
 */
export const deliverDue = async (run: DeliveryRunOptions): Promise<{ attempts: number }> => {
  const started = Date.now();
  const { concurrency } = run.options;
  const batch = concurrency * 4;
  const leaseMs = run.options.timeout_ms * 2 + 30_000;
  const overBudget = () => Date.now() - started > (run.budgetMs ?? Number.POSITIVE_INFINITY);
  const ready: Sendable[] = [];
  let finished: AttemptResult[] = [];
  let attempts = 0;
  let inFlight = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let refilling: Promise<void> | undefined;
  let recording: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };

  /** Claims and reads the next batch (only when fewer than a batch are waiting to be sent). */
  const refill = (): void => {
    if (refilling || exhausted || ready.length >= concurrency) return;
    refilling = (async () => {
      if (overBudget()) {
        exhausted = true;
        return;
      }
      const claimed = await claimDue(run.db, 'webhook', batch, leaseMs);
      if (claimed.length < batch) exhausted = true;
      ready.push(...(await loadClaimed(run, [...byTenant(claimed)])));
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

  /**
   * Records what finished since the last record, one record at a time: once nothing is in flight,
   * or while sending goes on, once `concurrency` attempts have finished (a small run is recorded in
   * one transaction, as it was sent).
   */
  const flush = (): void => {
    if (recording || finished.length === 0 || (inFlight > 0 && finished.length < concurrency)) return;
    const results = finished;
    finished = [];
    recording = recordAll(run, results).finally(() => {
      attempts += results.length;
      recording = undefined;
      signal();
    });
  };

  for (;;) {
    refill();
    while (inFlight < concurrency && ready.length > 0) {
      const delivery = ready.shift() as Sendable;
      inFlight++;
      void attemptDelivery(run.outbound, delivery, run.options.timeout_ms)
        .then(
          (result) => {
            finished.push(result);
          },
          // attemptDelivery turns every failure into a result; should it throw, the claim expires and another run tries again.
          (error: unknown) => run.logger.warn({ err: error, deliveryId: delivery.id }, 'webhook attempt failed unrecorded'),
        )
        .finally(() => {
          inFlight--;
          signal();
        });
    }
    flush();
    if (exhausted && !refilling && ready.length === 0 && inFlight === 0 && !recording && finished.length === 0) {
      if (failure) throw failure.error;
      return { attempts };
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
};
