import type { Database } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';
import { eventsErrors } from '../errors.js';
import type { EventSink } from '../types.js';

export interface OutboxStats {
  readonly backlog: number;
  readonly oldestPendingAgeSeconds: number | null;
  readonly deadLetters: number;
  readonly byType: readonly { type: string; published: number; pending: number; dispatched: number; retrying: number; dead: number }[];
}

type StatsRow = {
  type: string;
  published: number;
  pending: number;
  dispatched: number;
  retrying: number;
  dead: number;
  oldest: number | null;
};

export const outboxStats = async (db: Database): Promise<OutboxStats> => {
  const { rows } = await db.query<StatsRow>(
    `SELECT type, count(*)::int AS published,
            count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'dispatched')::int AS dispatched,
            count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
            count(*) FILTER (WHERE status = 'dead')::int AS dead,
            extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending'))::float8 AS oldest
     FROM sys_events GROUP BY type ORDER BY type`,
  );
  const dlq = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sys_events_dlq WHERE replayed_at IS NULL');
  const ages = rows.map((r) => r.oldest).filter((a): a is number => a !== null);
  return {
    backlog: rows.reduce((sum, r) => sum + r.pending, 0),
    oldestPendingAgeSeconds: ages.length > 0 ? Math.max(...ages) : null,
    deadLetters: dlq.rows[0]?.n ?? 0,
    byType: rows.map(({ oldest: _oldest, ...rest }) => rest),
  };
};

/** Backlog gauges, read cheaply through the partial index on pending events. */
export const outboxBacklog = async (db: Database): Promise<{ backlog: number; oldestAgeSeconds: number }> => {
  const { rows } = await db.query<{ backlog: number; oldest: number | null }>(
    `SELECT count(*)::int AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS oldest FROM sys_events WHERE status = 'pending'`,
  );
  return { backlog: rows[0]?.backlog ?? 0, oldestAgeSeconds: rows[0]?.oldest ?? 0 };
};

export interface DeadLetter {
  readonly id: string;
  readonly tenantId: string;
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly failedConsumers: readonly string[];
  readonly deadAt: string;
  readonly envelope: EventEnvelope;
}

type DlqRow = {
  id: string;
  tenant_id: string;
  type: string;
  attempts: number;
  last_error: string;
  failed_consumers: string[];
  dead_at: Date;
  envelope: EventEnvelope;
};

export const listDeadLetters = async (
  db: Database,
  limit: number,
  cursor?: string,
): Promise<{ items: DeadLetter[]; nextCursor: string | null }> => {
  const { rows } = await db.query<DlqRow>(
    `SELECT id, tenant_id, type, attempts, last_error, failed_consumers, dead_at, envelope FROM sys_events_dlq
     WHERE replayed_at IS NULL AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
    [cursor ?? null, limit + 1],
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    type: r.type,
    attempts: r.attempts,
    lastError: r.last_error,
    failedConsumers: r.failed_consumers,
    deadAt: new Date(r.dead_at).toISOString(),
    envelope: r.envelope,
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
};

/**
 * Delivers a dead event again, now, to the consumers (whatever the transport). Consumers that had
 * already handled it skip it through their receipts, so a fixed handler sees it exactly once. On
 * success the dead letter is closed; on failure it stays, with the new error (409).
 */
export const replayDeadLetter = async (db: Database, sink: EventSink, id: string): Promise<{ id: string; type: string }> => {
  const { rows } = await db.query<{ envelope: EventEnvelope; attempts: number }>(
    'SELECT envelope, attempts FROM sys_events_dlq WHERE id = $1 AND replayed_at IS NULL',
    [id],
  );
  const row = rows[0];
  if (!row) throw eventsErrors.EVENTS_DEAD_LETTER_NOT_FOUND(`No dead letter ${id} is waiting for replay`);
  const envelope = { ...row.envelope, retryCount: row.attempts };
  const result = (await sink.deliver([envelope])).get(id) ?? { ok: false, error: 'no delivery result', consumers: [] };
  if (!result.ok) {
    await db.query('UPDATE sys_events_dlq SET attempts = attempts + 1, last_error = $2, failed_consumers = $3 WHERE id = $1', [
      id,
      result.error,
      result.consumers,
    ]);
    throw eventsErrors.EVENTS_REPLAY_FAILED(`Replaying ${envelope.type} ${id} failed again: ${result.error}`);
  }
  await db.transaction(async (tx) => {
    await tx.query('UPDATE sys_events_dlq SET replayed_at = now() WHERE id = $1', [id]);
    await tx.query(
      "UPDATE sys_events SET status = 'dispatched', dispatched_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead'",
      [id],
    );
  });
  return { id, type: envelope.type };
};

/** Records (or adds a consumer to) a dead letter; used by consumers outside the relay (NATS). */
export const recordDeadLetter = async (
  db: Database,
  envelope: EventEnvelope,
  attempts: number,
  error: string,
  consumers: readonly string[],
): Promise<void> => {
  await db.query(
    `INSERT INTO sys_events_dlq (id, tenant_id, type, envelope, attempts, last_error, failed_consumers)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET attempts = GREATEST(sys_events_dlq.attempts, EXCLUDED.attempts), last_error = EXCLUDED.last_error,
       failed_consumers = ARRAY(SELECT DISTINCT unnest(sys_events_dlq.failed_consumers || EXCLUDED.failed_consumers)),
       dead_at = now(), replayed_at = NULL`,
    [envelope.id, envelope.tenantId, envelope.type, JSON.stringify(envelope), attempts, error, consumers],
  );
};
