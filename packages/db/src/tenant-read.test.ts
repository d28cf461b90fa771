import { generateId } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { preparedSql } from './prepared.js';
import { notesModule } from './test-fixtures/notes-module.js';

const BODIES = preparedSql('notes_bodies', "SELECT string_agg(body, ',' ORDER BY body) AS bodies FROM notes WHERE body <> $1");

describeEachBackend('tenant reads (one statement under a tenant)', (backend) => {
  let t: TestDatabase;
  const tenants = [generateId(), generateId(), generateId()];
  const bodiesOf = (i: number) => [`${i}a`, `${i}b`].join(',');

  beforeAll(async () => {
    t = await openTestDatabase(backend, [notesModule]);
    for (const [i, tenant] of tenants.entries()) {
      for (const body of bodiesOf(i).split(',')) {
        await t.db.transaction(
          (tx) => tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), tenant, body]),
          {
            tenantId: tenant,
          },
        );
      }
    }
  });
  afterAll(() => t.cleanup());

  const read = async (i: number) =>
    (await t.db.tenantRead<{ bodies: string | null }>(tenants[i] as string, BODIES, ['none'])).rows[0]?.bodies;

  it('shows each tenant only its own rows, whichever tenant the connection served before', async () => {
    const order = Array.from({ length: 60 }, (_, n) => (n * 7) % tenants.length);
    const answers = await Promise.all(order.map((i) => read(i)));
    expect(answers).toEqual(order.map((i) => bodiesOf(i)));
    for (const i of [2, 0, 0, 1, 2]) expect(await read(i)).toBe(bodiesOf(i));
  });

  it('refuses to write', async () => {
    const write = t.db.tenantRead(tenants[0] as string, 'INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [
      generateId(),
      tenants[0],
      'x',
    ]);
    await expect(write).rejects.toThrow(/read-only/);
    expect(await read(0)).toBe(bodiesOf(0));
  });

  it('leaves no tenant behind for statements outside it', async () => {
    await read(1);
    expect((await t.db.query('SELECT * FROM notes')).rows).toEqual([]);
    const { rows } = await t.db.query<{ tenant: string | null }>("SELECT nullif(current_setting('app.tenant_id', true), '') AS tenant");
    expect(rows[0]?.tenant ?? null).toBeNull();
  });

  it('interleaves with writes and plain statements, each seeing only what it should', async () => {
    const writer = generateId();
    const ops = Array.from({ length: 36 }, async (_, n) => {
      if (n % 3 === 0) return ['plain', (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes')).rows[0]?.n];
      if (n % 3 === 1) return ['read', await read(n % 2)];
      await t.db.transaction(
        (tx) => tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), writer, `w${n}`]),
        {
          tenantId: writer,
        },
      );
      return ['write', 'ok'];
    });
    const results = await Promise.all(ops);
    expect(results).toEqual(
      Array.from({ length: 36 }, (_, n) => (n % 3 === 0 ? ['plain', 0] : n % 3 === 1 ? ['read', bodiesOf(n % 2)] : ['write', 'ok'])),
    );
    const written = await t.db.tenantRead<{ n: number }>(writer, 'SELECT count(*)::int AS n FROM notes');
    expect(written.rows[0]?.n).toBe(12);
  });

  it('keeps serving the right tenant after a statement fails', async () => {
    await expect(t.db.tenantRead(tenants[1] as string, 'SELECT 1 / (count(*) - count(*)) FROM notes')).rejects.toThrow(/division by zero/);
    await expect(t.db.tenantRead(tenants[2] as string, 'SELECT no_such_column FROM notes')).rejects.toThrow(/no_such_column/);
    for (const i of [1, 2, 0]) expect(await read(i)).toBe(bodiesOf(i));
  });
});
