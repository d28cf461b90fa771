import type { PGlite } from '@electric-sql/pglite';

const READ_SESSION_SQL = "SELECT set_config('app.tenant_id', $1, false), set_config('default_transaction_read_only', 'on', false)";
const PLAIN_SESSION_SQL = "SELECT set_config('app.tenant_id', '', false), set_config('default_transaction_read_only', 'off', false)";

/** The session is in neither state for certain (a switch was cut off): the next use sets it again. */
const UNKNOWN = Symbol('unknown');

/**
 * The embedded database's one session, shared by tenant reads and everything else. A tenant read
 * leaves the session read-only and set to its tenant, so that the next read of that tenant is one
 * call (as on PostgreSQL's read pool); anything else first puts the session back to no tenant and
 * read-write (one call, only after reads). Every use runs under one lock, so no statement ever runs
 * in a session state meant for another.
 */
export const createPgliteSession = (db: PGlite) => {
  let state: string | typeof UNKNOWN = '';
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
  const enter = async (tenantId: string): Promise<void> => {
    if (state === tenantId) return;
    state = UNKNOWN;
    await db.query(tenantId === '' ? PLAIN_SESSION_SQL : READ_SESSION_SQL, tenantId === '' ? [] : [tenantId]);
    state = tenantId;
  };
  return {
    /** Runs `fn` with the session plain: no tenant, read-write (queries, transactions, LISTEN). */
    plain: <T>(fn: () => Promise<T>): Promise<T> =>
      exclusive(async () => {
        await enter('');
        return fn();
      }),
    /** One statement in the session of `tenantId`, read-only. */
    read: <T>(tenantId: string, fn: () => Promise<T>): Promise<T> =>
      exclusive(async () => {
        if (tenantId === '') throw new Error('A tenant read needs a tenant');
        await enter(tenantId);
        return fn();
      }),
  };
};
