import { generateId } from '@rustok/kernel';
import { APP_ROLE, createThrowawayDatabase, describeOnBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from './postgres.js';

describeOnBackend('postgres', 'the background pool', (backend) => {
  let drop: (() => Promise<void>) | undefined;
  let url = '';
  beforeAll(async () => {
    const made = await createThrowawayDatabase(backend.url ?? '');
    [url, drop] = [made.url, made.drop];
  });
  afterAll(() => drop?.());

  it('answers background work while every request connection is taken, under the tenant it is given', async () => {
    const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 2, backgroundPoolMax: 1 });
    const release: (() => void)[] = [];
    const held = [0, 1].map(() =>
      db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await new Promise<void>((resolve) => release.push(resolve));
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
      for (const done of release) done();
      await Promise.all(held);
      expect((await queued).rows).toEqual([{ n: 1 }]);
    } finally {
      for (const done of release) done();
      await db.close();
    }
  });
});
