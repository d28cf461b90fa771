import type {} from '@rustok/api';
import {
  type Database,
  dropPartitions,
  ensurePartitions,
  listPartitions,
  lockPartitions,
  partitionOf,
  type RangePartition,
  whileBusy,
} from '@rustok/db';
import { errorCodeOf, firstIdAt, type ModuleJob, type SqlRunner } from '@rustok/kernel';

/** The outbox and its receipts share their partitions' bounds (receipts are partitioned on `event_id`). */
export const EVENTS_TABLE = 'sys_events';
export const RECEIPTS_TABLE = 'sys_event_receipts';

/** Periods made ahead of time: an insert never waits for a partition, and a stopped job has days to come back. */
const PERIODS_AHEAD = 3;

/** Makes the partitions of the current period and the next ones for both tables; returns the names made. */
export const ensureOutboxPartitions = async (db: SqlRunner, spanMs: number, fromMs = Date.now()): Promise<string[]> => {
  // One clock for both tables: a period that has begun gets the same bounds in each.
  const window = { period: spanMs, fromMs, toMs: fromMs + PERIODS_AHEAD * spanMs, nowMs: Date.now() };
  return [...(await ensurePartitions(db, EVENTS_TABLE, window)), ...(await ensurePartitions(db, RECEIPTS_TABLE, window))];
};

const NIL_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Whether a period must stay: an event in it not yet dispatched, dead, or dispatched after the
 * cutoff; a receipt written after the cutoff (a consumer that caught up late); or an open dead letter.
 * Each test reads one partial index of one partition.
 */
const KEEPS_SQL = `SELECT
  EXISTS (SELECT 1 FROM sys_events WHERE id >= $1 AND id < $2 AND status = 'pending')
  OR EXISTS (SELECT 1 FROM sys_events WHERE id >= $1 AND id < $2 AND status = 'dead')
  OR EXISTS (SELECT 1 FROM sys_events WHERE id >= $1 AND id < $2 AND status = 'dispatched' AND dispatched_at >= $3)
  OR EXISTS (SELECT 1 FROM sys_event_receipts WHERE event_id >= $1 AND event_id < $2 AND processed_at >= $3)
  OR EXISTS (SELECT 1 FROM sys_events_dlq WHERE id >= $1 AND id < $2 AND replayed_at IS NULL) AS keep`;

const mustKeep = async (runner: SqlRunner, part: RangePartition, hi: string, cutoff: Date): Promise<boolean> => {
  const { rows } = await runner.query<{ keep: boolean }>(KEEPS_SQL, [part.lo ?? NIL_ID, hi, cutoff]);
  return rows[0]?.keep !== false;
};

/** Bounds any wait under a drop's locks (the check's read of the dead letters); the lock function waits for the outbox 200 ms at most. */
const LOCK_TIMEOUT_MS = 500;

/**
 * One try at dropping a period under its locks: null when another transaction held one of them
 * (nothing done). The outbox's lock is waited for a moment, holding nothing yet; the receipts' is
 * taken only if free at once, so the drop never waits for a lock while holding another.
 */
const dropUnderLocks = (db: Database, events: RangePartition, hi: string, receipts: readonly string[], cutoff: Date) =>
  db.transaction(async (tx): Promise<boolean | null> => {
    await tx.query(`SET LOCAL lock_timeout = ${LOCK_TIMEOUT_MS}`);
    if (!(await lockPartitions(tx, EVENTS_TABLE, [events.name], { nowait: false }))) return null;
    if (!(await lockPartitions(tx, RECEIPTS_TABLE, receipts, { nowait: true }))) return null;
    if (await mustKeep(tx, events, hi, cutoff)) return false;
    await dropPartitions(tx, RECEIPTS_TABLE, receipts);
    return (await dropPartitions(tx, EVENTS_TABLE, [events.name])).length === 1;
  });

type Outcome = 'dropped' | 'kept' | 'busy';

/** Drops one period's event and receipt partitions together, checking again under their locks; tries again for a while when busy. */
const dropPeriod = async (db: Database, events: RangePartition, receipts: readonly string[], cutoff: Date): Promise<Outcome> => {
  const hi = events.hi;
  if (hi === null || (await mustKeep(db, events, hi, cutoff))) return 'kept';
  const dropped = await whileBusy(async () => {
    try {
      return await dropUnderLocks(db, events, hi, receipts, cutoff);
    } catch (error) {
      if (errorCodeOf(error) === '55P03') return null; // lock_not_available
      throw error;
    }
  });
  return dropped === null ? 'busy' : dropped ? 'dropped' : 'kept';
};

/** The receipt partitions inside an event partition's range (the same bounds, unless one of them could not be made at once). */
const receiptsWithin = (receipts: readonly RangePartition[], events: RangePartition): string[] =>
  receipts
    .filter(
      (r) =>
        !r.isDefault &&
        r.hi !== null &&
        events.hi !== null &&
        r.hi <= events.hi &&
        (events.lo === null || (r.lo !== null && r.lo >= events.lo)),
    )
    .map((r) => r.name);

export interface DroppedPeriods {
  /** Names of the event partitions dropped (each with its receipts' partition). */
  readonly dropped: string[];
  /** Expired periods that still hold something to keep (see KEEPS_SQL), or whose tables stayed busy (the next run tries again). */
  readonly kept: string[];
  /** Rows below this id lie in periods that have expired but were kept; retention deletes their expired rows one by one. */
  readonly rowsBelow: string;
}

/**
 * Drops every period that ends before the cutoff and holds nothing to keep. While other transactions
 * hold the tables it tries again for a few seconds, then leaves that period and the later ones to the
 * next run. Returns what it dropped and the id below which rows are in expired periods: the start of
 * the period holding the cutoff (the cutoff itself where only the default partition holds it).
 */
export const dropExpiredPeriods = async (db: Database, cutoff: Date): Promise<DroppedPeriods> => {
  const cutoffId = firstIdAt(cutoff.getTime());
  const events = await listPartitions(db, EVENTS_TABLE);
  const receipts = await listPartitions(db, RECEIPTS_TABLE);
  const dropped: string[] = [];
  const kept: string[] = [];
  let outcome: Outcome = 'kept';
  for (const part of events) {
    if (part.isDefault || part.hi === null || part.hi > cutoffId) continue;
    // Once a period stayed busy, the later ones are left to the next run too.
    if (outcome !== 'busy') outcome = await dropPeriod(db, part, receiptsWithin(receipts, part), cutoff);
    (outcome === 'dropped' ? dropped : kept).push(part.name);
  }
  const holding = partitionOf(events, cutoffId);
  return { dropped, kept, rowsBelow: holding ? (holding.lo ?? NIL_ID) : cutoffId };
};

/**
 * Every minute (a read of the catalogue when nothing is missing): the next periods' partitions exist
 * before they are needed. Also at start: a new database's first partitions are made before its
 * writes come, not under them (each creation locks the table for a moment).
 */
export const outboxPartitionsJob: ModuleJob = {
  name: 'partitions',
  everyMs: 60_000,
  atStart: true,
  run: async ({ db, config, logger }) => {
    const made = await ensureOutboxPartitions(db, config.settings.rustok.events.partition_ms);
    if (made.length > 0) logger.info({ partitions: made }, 'outbox partitions made');
  },
};
