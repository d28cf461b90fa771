import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Outbound } from '@rustok/outbound';
import type { Logger } from 'pino';
import type { WebhookOptions } from '../options.js';
import { type AttemptResult, attemptDelivery } from './attempt.js';
import { byTenant, claimDue } from './queue.js';
import { recordAttempts } from './record.js';
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

/** Runs `fn` over `items` with at most `limit` at once. */
const mapLimit = async <T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

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
const recordAll = async (run: DeliveryRunOptions, results: readonly AttemptResult[]): Promise<void> => {
  const options = { retryDelaysMs: run.options.retry_delays_ms, maxConsecutiveFailures: run.options.max_consecutive_failures };
  const perTenant = new Map<string, AttemptResult[]>();
  for (const r of results) {
    const list = perTenant.get(r.delivery.tenantId) ?? [];
    list.push(r);
    perTenant.set(r.delivery.tenantId, list);
  }
  for (const [tenantId, list] of perTenant) {
    await run.db
      .transaction((tx) => recordAttempts(tx, tenantId, list, options, run.events), { tenantId })
      .catch((error: unknown) => run.logger.warn({ err: error, tenantId }, 'webhook attempts not recorded; they are tried again'));
  }
};

/**
 * One delivery run: claims due deliveries in batches, sends each through the SSRF guard with no
 * transaction open (at most `concurrency` at once), records every attempt in its tenant's
 * transaction, until nothing is due or the budget is spent.
 */
export const deliverDue = async (run: DeliveryRunOptions): Promise<{ attempts: number }> => {
  const started = Date.now();
  const batch = run.options.concurrency * 4;
  const leaseMs = run.options.timeout_ms * 2 + 30_000;
  let attempts = 0;
  for (;;) {
    const claimed = await claimDue(run.db, batch, leaseMs);
    const sendable = await loadClaimed(run, [...byTenant(claimed)]);
    const results = await mapLimit(sendable, run.options.concurrency, (d) => attemptDelivery(run.outbound, d, run.options.timeout_ms));
    await recordAll(run, results);
    attempts += results.length;
    if (claimed.length < batch || Date.now() - started > (run.budgetMs ?? Number.POSITIVE_INFINITY)) return { attempts };
  }
};
