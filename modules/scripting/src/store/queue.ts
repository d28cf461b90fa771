import type { Database } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';

/**
 * The deployment's queue of executions to run (event and cron), ids and tenants only, across
 * tenants; and the cron schedule, read across tenants by the cron job.
 */
export const enqueueExecution = async (tx: SqlRunner, tenantId: string, executionId: string): Promise<void> => {
  await tx.query('INSERT INTO scripting_queue (execution_id, tenant_id) VALUES ($1, $2)', [executionId, tenantId]);
};

export interface Claimed {
  readonly id: string;
  readonly tenantId: string;
}

/** Claims up to `limit` queued executions for `leaseMs` (another run takes them after that, should this one die). */
export const claimQueued = async (db: Database, limit: number, leaseMs: number): Promise<Claimed[]> => {
  const { rows } = await db.query<{ id: string; tenant_id: string }>(
    `UPDATE scripting_queue q SET claimed_until = now() + $2 * interval '1 millisecond'
       FROM (SELECT execution_id FROM scripting_queue
              WHERE due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
              ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
      WHERE q.execution_id = due.execution_id
      RETURNING q.execution_id AS id, q.tenant_id`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
};

/** Gives a claimed execution back at once (its run was refused as busy): the next claim may take it. */
export const releaseClaim = async (db: Database, executionId: string): Promise<void> => {
  await db.query('UPDATE scripting_queue SET claimed_until = NULL WHERE execution_id = $1', [executionId]);
};

/** Gives a claimed execution back due again in `ms` (its tenant has spent its CPU time for the minute). */
export const deferQueued = async (db: Database, executionId: string, ms: number): Promise<void> => {
  await db.query(
    `UPDATE scripting_queue SET claimed_until = NULL, due_at = now() + $2 * interval '1 millisecond' WHERE execution_id = $1`,
    [executionId, ms],
  );
};

export const dequeue = async (db: Database, executionId: string): Promise<void> => {
  await db.query('DELETE FROM scripting_queue WHERE execution_id = $1', [executionId]);
};

export interface CronEntry {
  readonly triggerId: string;
  readonly tenantId: string;
  readonly expression: string;
  readonly firedAt: Date;
}

export const cronEntries = async (db: Database): Promise<CronEntry[]> => {
  const { rows } = await db.query<{ trigger_id: string; tenant_id: string; expression: string; fired_at: Date | string }>(
    'SELECT trigger_id, tenant_id, expression, fired_at FROM scripting_cron ORDER BY fired_at LIMIT 10000',
  );
  return rows.map((r) => ({ triggerId: r.trigger_id, tenantId: r.tenant_id, expression: r.expression, firedAt: new Date(r.fired_at) }));
};

/** Marks an entry fired at `at` unless another process did first (compare and set on the time read). */
export const markFired = async (db: SqlRunner, entry: CronEntry, at: Date): Promise<boolean> => {
  const { rows } = await db.query('UPDATE scripting_cron SET fired_at = $3 WHERE trigger_id = $1 AND fired_at = $2 RETURNING trigger_id', [
    entry.triggerId,
    entry.firedAt,
    at,
  ]);
  return rows.length > 0;
};
