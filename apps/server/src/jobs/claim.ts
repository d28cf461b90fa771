import type { Database } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

/**
 * One row per job of the deployment: the last period claimed and, while a run is in progress, the
 * lease that keeps other instances from starting one (it expires if the instance dies mid-run).
 */
export const jobRunsMigration: Migration = {
  name: 'm20261203_platform_001_job_runs',
  up: `
CREATE TABLE sys_job_runs (
  name text PRIMARY KEY,
  slot timestamptz NOT NULL,
  locked_until timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz
)`,
};

/**
 * Every run of every job: which period, which process ran it, when, and how it ended. A period is
 * run at most once (the key), and the process that did it is on record (host and process id, see
 * `instanceName` in runner.ts). As runs finish, rows older than a week or beyond a job's last 1,000 runs are dropped.
 */
export const jobHistoryMigration: Migration = {
  name: 'm20270108_platform_002_job_history',
  up: `
CREATE TABLE sys_job_history (
  name text NOT NULL,
  slot timestamptz NOT NULL,
  instance text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'ok', 'failed')),
  error text,
  PRIMARY KEY (name, slot)
)`,
};

/** How long the run history is kept, and how many runs of a job at most (a job every 250 ms keeps about four minutes). */
const HISTORY_DAYS = 7;
const HISTORY_RUNS = 1_000;

/**
 * Claims a period of a job for this instance. Of several instances asking for the same period, one
 * gets it; a period older than (or the same as) the last claimed one is refused, and so is any while
 * the previous run's lease is held.
 */
export const claimPeriod = async (db: Database, name: string, slot: Date, leaseMs: number, instance: string): Promise<boolean> => {
  const { rows } = await db.query(
    `WITH claimed AS (
       INSERT INTO sys_job_runs (name, slot, locked_until, started_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
       ON CONFLICT (name) DO UPDATE
         SET slot = EXCLUDED.slot, locked_until = EXCLUDED.locked_until, started_at = EXCLUDED.started_at, finished_at = NULL
         WHERE sys_job_runs.slot < EXCLUDED.slot AND sys_job_runs.locked_until <= now()
       RETURNING name, slot)
     INSERT INTO sys_job_history (name, slot, instance) SELECT name, slot, $4 FROM claimed RETURNING name`,
    [name, slot.toISOString(), leaseMs, instance],
  );
  return rows.length > 0;
};

export type RunOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Ends the lease of a run (so the next period can be claimed at once) and records how it ended. */
export const releasePeriod = async (
  db: Database,
  name: string,
  slot: Date,
  outcome: RunOutcome,
  keepRuns = HISTORY_RUNS,
): Promise<void> => {
  const at = slot.toISOString();
  // One round trip: the claim released, the run's history row finished, the history trimmed.
  await db.query(
    `WITH released AS (
       UPDATE sys_job_runs SET locked_until = now(), finished_at = now() WHERE name = $1 AND slot = $2 RETURNING 1),
     finished AS (
       UPDATE sys_job_history SET finished_at = now(), outcome = $3, error = $4 WHERE name = $1 AND slot = $2 RETURNING 1)
     DELETE FROM sys_job_history WHERE name = $1 AND (slot < now() - interval '${HISTORY_DAYS} days'
       OR slot <= (SELECT slot FROM sys_job_history WHERE name = $1 ORDER BY slot DESC OFFSET $5 LIMIT 1))`,
    [name, at, outcome.ok ? 'ok' : 'failed', outcome.ok ? null : outcome.error.slice(0, 2_000), keepRuns],
  );
};
