import { randomBytes } from 'node:crypto';
import { type Database, listPartitions, openPglite, runMigrations, withOwnerConnection } from '@rustok/db';
import { defineModule, firstIdAt, generateId, type SqlRunner } from '@rustok/kernel';
import { blankTestImage, describeEachBackend, openTestDatabase, testConfig } from '@rustok/testing';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import { commerceMigrations } from '../src/migrations.js';
import { ensureOrderPartitions, orderPartitionsJob } from '../src/order-partitions.js';

const idAt = (ms: number) => `${firstIdAt(ms).slice(0, 24)}${randomBytes(6).toString('hex')}`;
const monthAfter = (ms: number, n: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
};
const monthName = (ms: number) => new Date(ms).toISOString().slice(0, 7).replace('-', '');

const ORDER_SQL = `INSERT INTO commerce_orders (id, tenant_id, display_id, cart_id, email, currency_code, subtotal, total,
  shipping_address, billing_address, idempotency_key) VALUES ($1, $2, $3, $4, 'a@example.com', 'USD', 100, 100, '{}', '{}', $5)`;
const LINE_SQL = `INSERT INTO commerce_order_lines (id, tenant_id, order_id, title, variant_title, quantity, unit_price, subtotal, total)
  VALUES ($1, $2, $3, 'T', 'V', 1, 100, 100, 100)`;
const KEY_SQL = 'INSERT INTO commerce_order_keys (tenant_id, order_id, display_id, cart_id, idempotency_key) VALUES ($1, $2, $3, $4, $5)';

describeEachBackend('orders partitioned by month', (backend) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  /** A database migrated up to `before`, then `during(owner)`, then migrated to the end. */
  const migrateAround = async (during: (owner: SqlRunner) => Promise<void>): Promise<Database> => {
    const before = defineModule({ ...commerceModule, migrations: commerceMigrations.slice(0, -1) });
    const migrate = async (owner: SqlRunner) => {
      await runMigrations(owner, [before], { appRole: 'rustok_app' });
      await during(owner);
      await runMigrations(owner, [commerceModule], { appRole: 'rustok_app' });
    };
    if (backend.name === 'pglite') {
      const db = await openPglite({ appRole: 'rustok_app', ownerSetup: migrate, image: await blankTestImage('rustok_app') });
      close = () => db.close();
      return db;
    }
    const t = await openTestDatabase(backend, []);
    close = () => t.cleanup();
    await withOwnerConnection(t.url ?? '', migrate);
    return t.db;
  };

  it('keeps existing orders and their lines, moves their unique keys aside and points every reference at the new tables', async () => {
    const tenant = generateId();
    // An id made now (generateId's clock may have been left ahead by another file: isolate is off).
    const [order, line] = [idAt(Date.now() - 1_000), generateId()];
    const db = await migrateAround(async (owner) => {
      await owner.query(ORDER_SQL, [order, tenant, 1, generateId(), 'key-1']);
      await owner.query(LINE_SQL, [line, tenant, order]);
    });
    const inTenant = <T>(fn: (tx: SqlRunner) => Promise<T>) => db.transaction(fn, { tenantId: tenant });
    const where = async (table: string) =>
      (await inTenant((tx) => tx.query<{ p: string }>(`SELECT tableoid::regclass::text AS p FROM ${table}`))).rows.map((r) => r.p);
    expect(await where('commerce_orders')).toEqual(['commerce_orders_legacy']);
    expect(await where('commerce_order_lines')).toEqual(['commerce_order_lines_legacy']);
    const keys = await inTenant((tx) => tx.query('SELECT order_id, display_id, idempotency_key FROM commerce_order_keys'));
    expect(keys.rows).toEqual([{ order_id: order, display_id: 1, idempotency_key: 'key-1' }]);
    // No reference is left on the renamed tables, and row-level security is forced on the new ones.
    const refs = await db.query<{ t: string; to: string }>(
      `SELECT conrelid::regclass::text AS t, confrelid::regclass::text AS to FROM pg_constraint
        WHERE contype = 'f' AND conparentid = 0 AND confrelid::regclass::text LIKE 'commerce_order%' ORDER BY 1`,
    );
    expect(refs.rows.map((r) => r.to)).toEqual(Array(refs.rows.length).fill('commerce_orders'));
    expect(refs.rows.map((r) => r.t)).toEqual(
      expect.arrayContaining(['commerce_order_keys', 'commerce_order_lines', 'commerce_payments', 'commerce_order_tokens']),
    );
    const rls = await db.query<{ relname: string; forced: boolean }>(
      `SELECT relname, relforcerowsecurity AS forced FROM pg_class WHERE relname IN ('commerce_orders', 'commerce_order_lines', 'commerce_order_keys') ORDER BY 1`,
    );
    expect(rls.rows.every((r) => r.forced)).toBe(true);
    expect((await db.query('SELECT * FROM commerce_orders')).rows).toEqual([]); // no tenant, no rows
  });

  it("makes next months' partitions ahead, and an order of a month lives there with its lines; its keys stay unique across months", async () => {
    const db = await migrateAround(async () => {});
    const now = Date.now();
    const made = await ensureOrderPartitions(db, now);
    const months = [1, 2].map((n) => monthName(monthAfter(now, n)));
    expect(made).toEqual([...months.map((m) => `commerce_orders_${m}`), ...months.map((m) => `commerce_order_lines_${m}`)]);
    expect(await ensureOrderPartitions(db, now)).toEqual([]);
    await orderPartitionsJob.run({ db, config: testConfig(), logger: pino({ level: 'silent' }), slot: new Date() } as never);
    expect((await listPartitions(db, 'commerce_orders')).map((p) => p.name)).toEqual([
      'commerce_orders_legacy',
      ...months.map((m) => `commerce_orders_${m}`),
      'commerce_orders_default',
    ]);

    const tenant = generateId();
    const [next, later] = [idAt(monthAfter(now, 1) + 5), idAt(monthAfter(now, 2) + 5)];
    const cart = generateId();
    await db.transaction(
      async (tx) => {
        await tx.query(ORDER_SQL, [next, tenant, 7, cart, 'k']);
        await tx.query(KEY_SQL, [tenant, next, 7, cart, 'k']);
        await tx.query(LINE_SQL, [generateId(), tenant, next]);
      },
      { tenantId: tenant },
    );
    const placed = await db.transaction(
      (tx) =>
        tx.query<{ o: string; l: string }>(
          'SELECT o.tableoid::regclass::text AS o, l.tableoid::regclass::text AS l FROM commerce_orders o JOIN commerce_order_lines l ON l.order_id = o.id',
        ),
      { tenantId: tenant },
    );
    expect(placed.rows).toEqual([{ o: `commerce_orders_${months[0]}`, l: `commerce_order_lines_${months[0]}` }]);
    // The same number, key or cart in another month's partition is refused by the keys.
    for (const [display, cartId, key] of [
      [7, generateId(), 'x'],
      [8, cart, 'y'],
      [9, generateId(), 'k'],
    ] as const) {
      const refused = db.transaction(
        async (tx) => {
          await tx.query(ORDER_SQL, [later, tenant, display, cartId, key]);
          await tx.query(KEY_SQL, [tenant, later, display, cartId, key]);
        },
        { tenantId: tenant },
      );
      await expect(refused).rejects.toMatchObject({ code: '23505' });
    }
    // Deleting an order takes its lines and keys along, across the partitioned tables.
    await db.transaction((tx) => tx.query('DELETE FROM commerce_orders WHERE id = $1', [next]), { tenantId: tenant });
    const left = await db.transaction(
      (tx) =>
        tx.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM commerce_order_lines)::int + (SELECT count(*) FROM commerce_order_keys)::int AS n',
        ),
      { tenantId: tenant },
    );
    expect(left.rows[0]?.n).toBe(0);
  });
});
