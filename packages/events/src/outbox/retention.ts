import type {} from '@rustok/api';
import { type Database, deleteInBatches } from '@rustok/db';
import type { ModuleJob } from '@rustok/kernel';

export interface PruneOptions {
  /** Dispatched events and receipts older than this go. */
  readonly olderThanMs: number;
  /** Rows per statement: each delete is short, so it never holds the outbox for long. */
  readonly batchSize?: number;
  /** Stop starting new batches after this long; the next run goes on. */
  readonly budgetMs?: number;
}

export interface Pruned {
  readonly events: number;
  readonly receipts: number;
}

const BATCH = 5_000;
const CUTOFF = "now() - ($1::float8 * interval '1 millisecond')";

/** Dispatched events past the cutoff (pending and dead ones stay: the relay and the dead letters still need them). */
const DELETE_EVENTS = `WITH gone AS (DELETE FROM sys_events WHERE id IN (
  SELECT id FROM sys_events WHERE status = 'dispatched' AND dispatched_at < ${CUTOFF} LIMIT $2) RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/**
 * Receipts past the cutoff, except those of events in an open dead letter: a replay delivers only to
 * the consumers without a receipt, so theirs must stay until it is replayed.
 */
const DELETE_RECEIPTS = `WITH gone AS (DELETE FROM sys_event_receipts r USING (
  SELECT consumer, event_id FROM sys_event_receipts x
   WHERE processed_at < ${CUTOFF}
     AND NOT EXISTS (SELECT 1 FROM sys_events_dlq d WHERE d.id = x.event_id AND d.replayed_at IS NULL)
   LIMIT $2) old
 WHERE r.consumer = old.consumer AND r.event_id = old.event_id RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/**
 * Keeps the outbox bounded: dispatched events and their consumers' receipts older than the
 * retention are deleted. A receipt lives as long as its event may still be delivered again, so both
 * share one retention.
 */
export const pruneOutbox = async (db: Database, options: PruneOptions): Promise<Pruned> => {
  const batches = { batch: options.batchSize ?? BATCH, deadline: performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY) };
  const events = await deleteInBatches(db, DELETE_EVENTS, [options.olderThanMs], batches);
  const receipts = await deleteInBatches(db, DELETE_RECEIPTS, [options.olderThanMs], batches);
  return { events, receipts };
};

const RETENTION_EVERY_MS = 60_000;

/** Once a minute for the deployment (`settings.rustok.events.retention_ms`; 0 keeps everything). */
export const outboxRetentionJob: ModuleJob = {
  name: 'retention',
  everyMs: RETENTION_EVERY_MS,
  enabled: (config) => config.settings.rustok.events.retention_ms > 0,
  run: async ({ db, config, logger }) => {
    const pruned = await pruneOutbox(db, { olderThanMs: config.settings.rustok.events.retention_ms, budgetMs: RETENTION_EVERY_MS / 2 });
    if (pruned.events + pruned.receipts > 0) logger.info(pruned, 'outbox pruned');
  },
};
