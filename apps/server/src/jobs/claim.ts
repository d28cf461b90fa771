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
 * Claims a period of a job for this instance. Of several instances asking for the same period, one
 * gets it; a period older than (or the same as) the last claimed one is refused, and so is any while
 * the previous run's lease is held.
 */
export const claimPeriod = async (db: Database, name: string, slot: Date, leaseMs: number): Promise<boolean> => {
  const { rows } = await db.query(
    `INSERT INTO sys_job_runs (name, slot, locked_until, started_at)
     VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
     ON CONFLICT (name) DO UPDATE
       SET slot = EXCLUDED.slot, locked_until = EXCLUDED.locked_until, started_at = EXCLUDED.started_at, finished_at = NULL
       WHERE sys_job_runs.slot < EXCLUDED.slot AND sys_job_runs.locked_until <= now()
     RETURNING name`,
    [name, slot.toISOString(), leaseMs],
  );
  return rows.length > 0;
};

/** Ends the lease of a run, so the next period can be claimed at once. */
export const releasePeriod = async (db: Database, name: string, slot: Date): Promise<void> => {
  await db.query('UPDATE sys_job_runs SET locked_until = now(), finished_at = now() WHERE name = $1 AND slot = $2', [
    name,
    slot.toISOString(),
  ]);
};
