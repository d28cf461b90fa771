import type {} from '@rustok/api';
import { type Database, deleteInBatches } from '@rustok/db';
import type { ModuleJob } from '@rustok/kernel';
import { dropExpiredPeriods } from './partitions.js';

export interface PruneOptions {
  /** Dispatched events and receipts older than this go. */
  readonly olderThanMs: number;
  /** Rows per statement: each delete is short, so it never holds the outbox for long. */
  readonly batchSize?: number;
  /** Stop starting new batches after this long; the next run goes on. */
  readonly budgetMs?: number;
  /** The clock (ms since the epoch); tests move it. */
  readonly now?: number;
}

export interface Pruned {
  /** Periods dropped whole (event partitions, each with its receipts' partition). */
  readonly periods: number;
  /** Expired periods kept for what they still hold (a dead or pending event, a late receipt, an open dead letter), or left to the next run while their tables stayed busy. */
  readonly kept: readonly string[];
  /** Rows deleted one by one: those of expired periods that had to stay, and of the default partition. */
  readonly events: number;
  readonly receipts: number;
}

const BATCH = 5_000;

/** Expired dispatched events below the id ($2: the start of the period holding the cutoff); pending and dead ones stay. */
const DELETE_EVENTS = `WITH gone AS (DELETE FROM sys_events WHERE id IN (
  SELECT id FROM sys_events WHERE id < $2 AND status = 'dispatched' AND dispatched_at < $1 LIMIT $3) RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/**
 * Expired receipts below that id, except those of events in an open dead letter: a replay delivers
 * only to the consumers without a receipt, so theirs must stay until it is replayed.
 */
const DELETE_RECEIPTS = `WITH gone AS (DELETE FROM sys_event_receipts r USING (
  SELECT consumer, event_id FROM sys_event_receipts x
   WHERE event_id < $2 AND processed_at < $1
     AND NOT EXISTS (SELECT 1 FROM sys_events_dlq d WHERE d.id = x.event_id AND d.replayed_at IS NULL)
   LIMIT $3) old
 WHERE r.consumer = old.consumer AND r.event_id = old.event_id RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/**
 * Keeps the outbox bounded: dispatched events and their consumers' receipts older than the
 * retention go. A receipt lives as long as its event may still be delivered again, so both share one
 * retention. Whole periods go first, by dropping their partitions (no row is written, so nothing to
 * vacuum and almost no WAL); rows of the current period wait for its end. What an expired period had
 * to keep, and whatever the default partition holds, is deleted row by row in short batches.
 */
export const pruneOutbox = async (db: Database, options: PruneOptions): Promise<Pruned> => {
  const cutoff = new Date((options.now ?? Date.now()) - options.olderThanMs);
  const { dropped, kept, rowsBelow } = await dropExpiredPeriods(db, cutoff);
  const batches = { batch: options.batchSize ?? BATCH, deadline: performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY) };
  const events = await deleteInBatches(db, DELETE_EVENTS, [cutoff, rowsBelow], batches);
  const receipts = await deleteInBatches(db, DELETE_RECEIPTS, [cutoff, rowsBelow], batches);
  return { periods: dropped.length, kept, events, receipts };
};

const RETENTION_EVERY_MS = 60_000;

/** Once a minute for the deployment (`settings.rustok.events.retention_ms`; 0 keeps everything). */
export const outboxRetentionJob: ModuleJob = {
  name: 'retention',
  everyMs: RETENTION_EVERY_MS,
  enabled: (config) => config.settings.rustok.events.retention_ms > 0,
  run: async ({ db, config, logger }) => {
    const pruned = await pruneOutbox(db, { olderThanMs: config.settings.rustok.events.retention_ms, budgetMs: RETENTION_EVERY_MS / 2 });
    if (pruned.periods + pruned.events + pruned.receipts > 0) logger.info(pruned, 'outbox pruned');
    if (pruned.kept.length > 0)
      logger.warn(
        { kept: pruned.kept },
        'expired outbox periods kept: they hold pending or dead events or late receipts, or their tables stayed busy (the next run tries again)',
      );
  },
};
