import { generateId } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { preparedSql } from './prepared.js';
import { notesModule } from './test-fixtures/notes-module.js';

const COUNT_NOTES = preparedSql('notes_count', 'SELECT count(*)::int AS n FROM notes');

describeEachBackend('tenant transactions and row-level security', (backend) => {
  let t: TestDatabase;
  const tenantA = generateId();
  const tenantB = generateId();

  beforeAll(async () => {
    t = await openTestDatabase(backend, [notesModule]);
    for (const [tenant, body] of [
      [tenantA, 'a1'],
      [tenantA, 'a2'],
      [tenantB, 'b1'],
    ] as const) {
      await t.db.transaction(
        (tx) => tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), tenant, body]),
        {
          tenantId: tenant,
        },
      );
    }
  });
  afterAll(() => t.cleanup());

  it('runs as a role that is no superuser, so policies apply', async () => {
    const { rows } = await t.db.query<{ su: string; bypass: boolean }>(
      "SELECT current_setting('is_superuser') AS su, (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass",
    );
    expect(rows[0]).toEqual({ su: 'off', bypass: false });
  });

  it('shows a tenant only its own rows, even with no WHERE clause', async () => {
    const bodies = await t.db.transaction(
      async (tx) => (await tx.query<{ body: string }>('SELECT body FROM notes ORDER BY body')).rows.map((r) => r.body),
      { tenantId: tenantA },
    );
    expect(bodies).toEqual(['a1', 'a2']);
    const countB = await t.db.transaction(async (tx) => (await tx.query('SELECT count(*)::int AS n FROM notes')).rows, {
      tenantId: tenantB,
    });
    expect(countB).toEqual([{ n: 1 }]);
  });

  it('shows nothing outside a tenant transaction', async () => {
    expect((await t.db.query('SELECT * FROM notes')).rows).toEqual([]);
  });

  it('refuses to write a row for another tenant', async () => {
    const write = t.db.transaction(
      (tx) => tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), tenantB, 'x']),
      {
        tenantId: tenantA,
      },
    );
    await expect(write).rejects.toThrow(/row-level security/);
    const touched = await t.db.transaction(async (tx) => (await tx.query("UPDATE notes SET body = 'hacked' RETURNING id")).rows.length, {
      tenantId: tenantB,
    });
    expect(touched).toBe(1);
    const aBodies = await t.db.transaction(async (tx) => (await tx.query<{ body: string }>('SELECT body FROM notes ORDER BY body')).rows, {
      tenantId: tenantA,
    });
    expect(aBodies.map((r) => r.body)).toEqual(['a1', 'a2']);
  });

  it('keeps the tenant to its transaction only', async () => {
    await t.db.transaction(async () => {}, { tenantId: tenantA });
    const { rows } = await t.db.query<{ tenant: string | null }>("SELECT nullif(current_setting('app.tenant_id', true), '') AS tenant");
    expect(rows[0]?.tenant ?? null).toBeNull();
  });

  it('rolls back everything when the function throws', async () => {
    const failing = t.db.transaction(
      async (tx) => {
        await tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), tenantA, 'lost']);
        throw new Error('boom');
      },
      { tenantId: tenantA },
    );
    await expect(failing).rejects.toThrow('boom');
    const count = await t.db.transaction(
      async (tx) => (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM notes WHERE body = 'lost'")).rows[0]?.n,
      {
        tenantId: tenantA,
      },
    );
    expect(count).toBe(0);
  });

  const countNotes = (tx: { query: TestDatabase['db']['query'] }) => tx.query<{ n: number }>(COUNT_NOTES).then((r) => r.rows[0]?.n);

  it('answers the first query of the prelude (read with BEGIN, under the tenant) from it, later ones anew', async () => {
    const seen = await t.db.transaction(
      async (tx) => {
        const first = await countNotes(tx);
        await tx.query('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), tenantA, 'a3']);
        return { first, second: await countNotes(tx) };
      },
      { tenantId: tenantA, prelude: COUNT_NOTES },
    );
    expect(seen).toEqual({ first: 2, second: 3 });
    const other = await t.db.transaction((tx) => tx.query<{ n: number }>("SELECT count(*)::int AS n FROM notes WHERE body = 'a3'"), {
      tenantId: tenantA,
      prelude: COUNT_NOTES,
    });
    expect(other.rows[0]?.n).toBe(1);
  });

  it('fails the transaction when its prelude fails, and the connection stays usable', async () => {
    await expect(t.db.transaction(async () => 1, { tenantId: tenantA, prelude: 'SELECT no_such_column FROM notes' })).rejects.toThrow(
      /no_such_column/,
    );
    expect(await t.db.transaction((tx) => countNotes(tx), { tenantId: tenantB, prelude: COUNT_NOTES })).toBe(1);
  });
});
