import { type Database, preparedSql } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';
import type { EventMetrics } from '../metrics.js';
import type { DeliveryResult } from '../types.js';

export interface RetryPolicy {
  /** Attempts before an event goes to the dead letters. */
  readonly maxAttempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
}

/** Exponential backoff with jitter: half fixed, half random, so retries of many events spread out. */
export const backoffMs = (attempt: number, policy: RetryPolicy): number => {
  const base = policy.backoffBaseMs ?? 500;
  const ceiling = Math.min(policy.backoffMaxMs ?? 300_000, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
};

interface Claimed {
  readonly id: string;
  readonly envelope: EventEnvelope;
  readonly attempts: number;
}

const DISPATCHED_SQL = preparedSql(
  'outbox_dispatched',
  `UPDATE sys_events SET status = 'dispatched', dispatched_at = now(), claimed_by = NULL, claimed_until = NULL, last_error = NULL
    WHERE id = ANY($1::uuid[]) AND claimed_by = $2`,
);

const markDispatched = async (db: Database, owner: string, ids: readonly string[]) => {
  if (ids.length === 0) return;
  await db.query(DISPATCHED_SQL, [ids, owner]);
};

/** Back to pending after a delay; a transient failure (broker away) does not count as an attempt. */
const scheduleRetries = async (
  db: Database,
  owner: string,
  retries: readonly { id: string; delayMs: number; error: string; transient: boolean }[],
) => {
  if (retries.length === 0) return;
  await db.query(
    `UPDATE sys_events AS e
     SET available_at = now() + make_interval(secs => r.delay_ms / 1000.0), claimed_by = NULL, claimed_until = NULL,
         last_error = r.error, attempts = CASE WHEN r.transient THEN e.attempts - 1 ELSE e.attempts END
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::bool[]) AS r(id, delay_ms, error, transient)
     WHERE e.id = r.id AND e.claimed_by = $5`,
    [retries.map((r) => r.id), retries.map((r) => r.delayMs), retries.map((r) => r.error), retries.map((r) => r.transient), owner],
  );
};

const deadLetter = async (db: Database, owner: string, dead: readonly { row: Claimed; error: string; consumers: readonly string[] }[]) => {
  if (dead.length === 0) return;
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE sys_events SET status = 'dead', claimed_by = NULL, claimed_until = NULL, last_error = r.error
       FROM unnest($1::uuid[], $2::text[]) AS r(id, error)
       WHERE sys_events.id = r.id AND sys_events.claimed_by = $3 RETURNING sys_events.id`,
      [dead.map((d) => d.row.id), dead.map((d) => d.error), owner],
    );
    const owned = new Set(rows.map((r) => r.id));
    for (const d of dead.filter((x) => owned.has(x.row.id))) {
      await tx.query(
        `INSERT INTO sys_events_dlq (id, tenant_id, type, envelope, attempts, last_error, failed_consumers)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET envelope = EXCLUDED.envelope, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
           failed_consumers = EXCLUDED.failed_consumers, dead_at = now(), replayed_at = NULL`,
        [d.row.id, d.row.envelope.tenantId, d.row.envelope.type, JSON.stringify(d.row.envelope), d.row.attempts, d.error, d.consumers],
      );
    }
  });
};

/** Applies the delivery results of one claimed batch. */
export const settleClaimed = async (
  db: Database,
  owner: string,
  rows: readonly Claimed[],
  results: Map<string, DeliveryResult>,
  policy: RetryPolicy,
  metrics?: EventMetrics,
): Promise<void> => {
  const maxAttempts = policy.maxAttempts ?? 8;
  const done: Claimed[] = [];
  const retries: { id: string; delayMs: number; error: string; transient: boolean }[] = [];
  const dead: { row: Claimed; error: string; consumers: readonly string[] }[] = [];
  for (const row of rows) {
    const result = results.get(row.id) ?? { ok: false, error: 'no delivery result', consumers: [] };
    const type = row.envelope.type;
    if (result.ok) {
      done.push(row);
      metrics?.dispatched.inc({ type });
    } else if (result.transient) {
      retries.push({ id: row.id, delayMs: backoffMs(1, policy), error: result.error, transient: true });
    } else if (row.attempts >= maxAttempts) {
      dead.push({ row, error: result.error, consumers: result.consumers });
      metrics?.failed.inc({ type });
      metrics?.deadLettered.inc({ type });
    } else {
      retries.push({ id: row.id, delayMs: backoffMs(row.attempts, policy), error: result.error, transient: false });
      metrics?.failed.inc({ type });
    }
  }
  await markDispatched(
    db,
    owner,
    done.map((row) => row.id),
  );
  if (metrics) {
    const now = Date.now();
    for (const row of done) metrics.deliveryLag.observe(Math.max(0, now - Date.parse(row.envelope.occurredAt)) / 1000);
  }
  await scheduleRetries(db, owner, retries);
  await deadLetter(db, owner, dead);
};
