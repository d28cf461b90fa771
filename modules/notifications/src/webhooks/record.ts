import type { EventPublisher } from '@rustok/api';
import type { Database, Tx } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import { nextAttemptAt } from '@rustok/outbound';
import type { Logger } from 'pino';
import { NOTIFICATIONS_EVENT, type WebhookEndpointDisabledPayload } from '../events.js';
import { cancelPending } from '../store/deliveries.js';
import type { AttemptResult } from './attempt.js';
import { disableAfterOf } from './tenant-limits.js';

export interface RecordOptions {
  readonly retryDelaysMs: readonly number[];
  readonly maxConsecutiveFailures: number;
}

/** What an attempt leaves on its delivery: delivered, failed for good, or due again at a time. */
const nextStateOf = (r: AttemptResult, delays: readonly number[]) => {
  if (r.outcome === 'delivered') return { status: 'delivered', next: null };
  if (r.outcome === 'gone') return { status: 'failed', next: null };
  const next = nextAttemptAt(r.delivery.attempts + 1, r.at, delays);
  return next ? { status: 'pending', next } : { status: 'failed', next: null };
};

const logAttempts = async (tx: Tx, results: readonly AttemptResult[]): Promise<void> => {
  const col = <T>(f: (r: AttemptResult) => T) => results.map(f);
  await tx.query(
    `INSERT INTO notifications_webhook_attempts (id, delivery_id, at, outcome, status_code, duration_ms, request_headers, response_excerpt, error)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::int[], $6::int[], $7::jsonb[], $8::text[], $9::text[])`,
    [
      col(() => generateId()),
      col((r) => r.delivery.id),
      col((r) => r.at.toISOString()),
      col((r) => r.outcome),
      col((r) => r.statusCode),
      col((r) => r.durationMs),
      col((r) => JSON.stringify(r.requestHeaders)),
      col((r) => r.responseExcerpt),
      col((r) => r.error),
    ],
  );
};

/**
 * Each delivery's new state, and its queue entry: due again at its next attempt, or gone from the
 * queue. A delivery that stopped being pending while it was sent (its endpoint turned off, which
 * cancels it) keeps its state, unless this attempt delivered it.
 */
const settleDeliveries = async (tx: Tx, results: readonly AttemptResult[], delays: readonly number[]): Promise<void> => {
  const states = results.map((r) => ({ r, ...nextStateOf(r, delays) }));
  await tx.query(
    `UPDATE notifications_webhook_deliveries d SET status = s.status, attempts = d.attempts + 1, next_attempt_at = s.next,
       last_status = s.code, last_outcome = s.outcome, delivered_at = CASE WHEN s.status = 'delivered' THEN s.at ELSE d.delivered_at END
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::timestamptz[]) AS s(id, status, next, code, outcome, at)
     WHERE d.id = s.id AND (d.status = 'pending' OR s.status = 'delivered')`,
    [
      states.map((s) => s.r.delivery.id),
      states.map((s) => s.status),
      states.map((s) => s.next?.toISOString() ?? null),
      states.map((s) => s.r.statusCode),
      states.map((s) => s.r.outcome),
      states.map((s) => s.r.at.toISOString()),
    ],
  );
  const again = states.filter((s) => s.next !== null);
  const done = states.filter((s) => s.next === null).map((s) => s.r.delivery.id);
  if (done.length > 0) await tx.query('DELETE FROM notifications_webhook_queue WHERE delivery_id = ANY($1::uuid[])', [done]);
  if (again.length > 0) {
    await tx.query(
      `UPDATE notifications_webhook_queue q SET due_at = s.due, claimed_until = NULL
         FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, due) WHERE q.delivery_id = s.id`,
      [again.map((s) => s.r.delivery.id), again.map((s) => s.next?.toISOString())],
    );
  }
};

/** Per endpoint: failures since its last success in this batch (or added to its count when none succeeded), and whether it answered 410. */
const endpointTallies = (results: readonly AttemptResult[]) => {
  const tallies = new Map<string, { reset: boolean; failures: number; gone: boolean }>();
  for (const r of results) {
    const t = tallies.get(r.delivery.endpointId) ?? { reset: false, failures: 0, gone: false };
    if (r.outcome === 'delivered') tallies.set(r.delivery.endpointId, { reset: true, failures: 0, gone: t.gone });
    else tallies.set(r.delivery.endpointId, { ...t, failures: t.failures + 1, gone: t.gone || r.outcome === 'gone' });
  }
  return tallies;
};

/**
 * The endpoints' failure counts; an endpoint that answered 410 Gone, or failed `maxConsecutiveFailures`
 * attempts in a row (or the tenant's own lower `webhooks.disableAfterFailures`), is turned off, its pending deliveries cancelled, and
 * `notifications.webhook_endpoint.disabled` published in the same transaction (its admins are told).
 */
const settleEndpoints = async (
  tx: Tx,
  tenantId: string,
  results: readonly AttemptResult[],
  options: RecordOptions,
  events: EventPublisher,
) => {
  const tallies = [...endpointTallies(results)];
  // An endpoint whose count stays as it is (delivered, and no failure before) is not written.
  const { rows } = await tx.query<{ id: string; url: string; consecutive_failures: number; gone: boolean }>(
    `UPDATE notifications_webhook_endpoints e
        SET consecutive_failures = CASE WHEN s.reset THEN s.failures ELSE e.consecutive_failures + s.failures END
       FROM unnest($1::uuid[], $2::boolean[], $3::int[], $4::boolean[]) AS s(id, reset, failures, gone)
      WHERE e.id = s.id AND e.active AND (s.gone OR NOT s.reset OR e.consecutive_failures <> s.failures)
      RETURNING e.id, e.url, e.consecutive_failures, s.gone`,
    [tallies.map(([id]) => id), tallies.map(([, t]) => t.reset), tallies.map(([, t]) => t.failures), tallies.map(([, t]) => t.gone)],
  );
  const failing = rows.some((r) => !r.gone && r.consecutive_failures > 0);
  const limit = failing ? await disableAfterOf(tx, options.maxConsecutiveFailures) : options.maxConsecutiveFailures;
  for (const row of rows) {
    const reason = row.gone ? 'gone' : row.consecutive_failures >= limit ? 'failing' : null;
    if (!reason) continue;
    await tx.query(
      `UPDATE notifications_webhook_endpoints SET active = false, disabled_reason = $2, disabled_at = now(), updated_at = now() WHERE id = $1`,
      [row.id, reason],
    );
    await cancelPending(tx, row.id);
    const payload: WebhookEndpointDisabledPayload = {
      endpointId: row.id,
      url: row.url,
      reason,
      consecutiveFailures: row.consecutive_failures,
    };
    await events.publishInTx(tx, { type: NOTIFICATIONS_EVENT.endpointDisabled, tenantId, payload });
  }
};

/**
 * Locks the attempts' endpoints first, in id order: whoever else records attempts (another
 * sender) or changes an endpoint (which then cancels its deliveries) takes the same locks in the
 * same order, so none of them deadlocks with another. `NO KEY UPDATE`: new deliveries may still
 * reference the endpoints meanwhile.
 */
const lockEndpoints = async (tx: Tx, results: readonly AttemptResult[]): Promise<void> => {
  const ids = [...new Set(results.map((r) => r.delivery.endpointId))].sort();
  await tx.query('SELECT 1 FROM notifications_webhook_endpoints WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [ids]);
};

/** A tenant's attempts of one run, recorded in its transaction: the log, the deliveries, the queue, the endpoints. */
export const recordAttempts = async (
  tx: Tx,
  tenantId: string,
  results: readonly AttemptResult[],
  options: RecordOptions,
  events: EventPublisher,
) => {
  if (results.length === 0) return;
  await lockEndpoints(tx, results);
  await logAttempts(tx, results);
  await settleDeliveries(tx, results, options.retryDelaysMs);
  await settleEndpoints(tx, tenantId, results, options, events);
};

/** What recording needs: the database, the publisher (an endpoint turned off is an event) and the settings. */
export interface RecordDeps {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly options: { readonly retry_delays_ms: readonly number[]; readonly max_consecutive_failures: number };
  readonly logger: Logger;
}

/**
 * Attempts recorded per tenant, each tenant's in its transaction. A failure is logged: the queue
 * entries stay claimed until their claim runs out, and the delivery run tries them again then.
 */
export const recordPerTenant = async (deps: RecordDeps, results: readonly AttemptResult[]): Promise<void> => {
  const options = { retryDelaysMs: deps.options.retry_delays_ms, maxConsecutiveFailures: deps.options.max_consecutive_failures };
  const perTenant = new Map<string, AttemptResult[]>();
  for (const r of results) {
    const list = perTenant.get(r.delivery.tenantId) ?? [];
    list.push(r);
    perTenant.set(r.delivery.tenantId, list);
  }
  for (const [tenantId, list] of perTenant) {
    await deps.db
      .transaction((tx) => recordAttempts(tx, tenantId, list, options, deps.events), { tenantId })
      .catch((error: unknown) => deps.logger.warn({ err: error, tenantId }, 'webhook attempts not recorded; they are tried again'));
  }
};
