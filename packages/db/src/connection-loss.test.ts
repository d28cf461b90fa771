import { openTestDatabase, postgresSkipReason, type TestDatabase, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerConnection } from './postgres.js';
import { databaseUnavailable } from './unavailable.js';

const postgres = testBackends().find((b) => b.name === 'postgres');
const skip = postgres ? '' : `: skipped, ${postgresSkipReason()}`;

const waitFor = async (probe: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Ends backends of the throw-away database as `pg_ctl restart -m fast` does (57P01), as the server's admin. */
const terminate = (t: TestDatabase, where: string) =>
  withOwnerConnection(postgres?.url ?? '', (owner) =>
    owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND ${where}`, [databaseOf(t)]),
  );

const databaseOf = (t: TestDatabase): string => new URL(t.url ?? '').pathname.slice(1);

describe.skipIf(!postgres)(`connections lost under the pool and the listener [postgres${skip}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (postgres) t = await openTestDatabase(postgres);
  });
  afterAll(() => t?.cleanup());

  it('survives a transaction client whose connection is ended while held, answers DATABASE_UNAVAILABLE and recovers', async () => {
    const error = await t.db
      .transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(t, `pid = ${Number(rows[0]?.pid)}`);
        // The server's FATAL arrives as an 'error' event on the idle held client.
        await new Promise((r) => setTimeout(r, 200));
        await tx.query('SELECT 1');
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
    const { rows } = await t.db.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('listens again after its connection is ended, waking the listener once and then passing notifications', async () => {
    const payloads: string[] = [];
    const stop = await t.db.listen('restart_probe', (payload) => payloads.push(payload));
    try {
      await t.db.query("SELECT pg_notify('restart_probe', 'before')");
      await waitFor(() => payloads.includes('before'));
      await terminate(t, "query LIKE 'LISTEN%'");
      await waitFor(() => payloads.includes(''));
      await t.db.query("SELECT pg_notify('restart_probe', 'after')");
      await waitFor(() => payloads.includes('after'));
    } finally {
      await stop();
    }
  });

  it('maps connection errors, and only those, to DATABASE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    for (const e of [
      refused,
      shutdown,
      starting,
      new Error('Connection terminated unexpectedly'),
      new Error('wrapped', { cause: shutdown }),
    ])
      expect(databaseUnavailable(e)?.code).toBe('DATABASE_UNAVAILABLE');
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    for (const e of [unique, new Error('syntax error'), 'text']) expect(databaseUnavailable(e)).toBeUndefined();
  });
});
