import { generateId } from '@rustok/kernel';
import { APP_ROLE, createThrowawayDatabase, describeOnBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './database.js';
import { openPostgres } from './postgres.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server process behind the next statement of each pool: the transaction pool and the tenant read pool. */
const backends = async (db: Database): Promise<[number, number]> => {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const read = await db.tenantRead<{ pid: number }>(generateId(), 'SELECT pg_backend_pid() AS pid', []);
  return [Number(rows[0]?.pid), Number(read.rows[0]?.pid)];
};

describeOnBackend('postgres', 'pooled connections', (backend) => {
  let drop: (() => Promise<void>) | undefined;
  let url = '';
  beforeAll(async () => {
    const made = await createThrowawayDatabase(backend.url ?? '');
    [url, drop] = [made.url, made.drop];
  });
  afterAll(() => drop?.());

  it('idle ones are kept by default (minutes, not pg’s 10 s), and closed after the idle time asked for', { timeout: 60_000 }, async () => {
    const kept = await openPostgres({ url, appRole: APP_ROLE, poolMax: 2, readPoolMax: 2 });
    const short = await openPostgres({ url, appRole: APP_ROLE, poolMax: 2, readPoolMax: 2, idleTimeoutMs: 200 });
    try {
      const [keptBefore, shortBefore] = [await backends(kept), await backends(short)];
      // Past pg's own 10 s, which closed connections under steady load and stalled the requests that reopened them.
      await pause(10_500);
      expect(await backends(kept)).toEqual(keptBefore);
      const shortAfter = await backends(short);
      expect(shortAfter[0]).not.toBe(shortBefore[0]);
      expect(shortAfter[1]).not.toBe(shortBefore[1]);
    } finally {
      await Promise.all([kept.close(), short.close()]);
    }
  });

  it('answers background work while every request connection is taken, under the tenant it is given', async () => {
    const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 2, backgroundPoolMax: 1 });
    // One gate for both: a transaction whose first statement answers late still finds it open.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = [0, 1].map(() =>
      db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await gate;
      }),
    );
    try {
      while (db.stats().idle > 0 || db.stats().total < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      // The request pool is full: a request's statement waits for a connection.
      const queued = db.query('SELECT 1 AS n');
      expect(db.stats().waiting).toBe(1);
      const tenantId = generateId();
      const { rows } = await db
        .background()
        .transaction((tx) => tx.query<{ t: string }>("SELECT current_setting('app.tenant_id') AS t, current_user AS u"), { tenantId });
      expect(rows[0]).toEqual({ t: tenantId, u: APP_ROLE });
      expect(db.background().stats()).toMatchObject({ max: 1, total: 1 });
      expect(db.stats().waiting).toBe(1);
      release();
      await Promise.all(held);
      expect((await queued).rows).toEqual([{ n: 1 }]);
    } finally {
      release();
      await Promise.allSettled(held);
      await db.close();
    }
  });
});
