import type {} from '@rustok/api';
import { CURRENT_TENANT_SQL, ensurePartitions, tenantRlsSql } from '@rustok/db';
import { firstIdAt, type Migration, type ModuleJob, type SqlRunner } from '@rustok/kernel';

/**
 * Orders and their lines partitioned by calendar month (UTC) on the order id (docs/adr/0012-partitions.md):
 * an order and its lines live in the same month's partitions, and a tenant's old months stop weighing
 * on the indexes and the vacuum of the current one. Nothing drops them: detaching an old month for an
 * archive is the operator's choice.
 *
 * The unique keys that do not hold the id (order number, Idempotency-Key, cart) cannot be enforced
 * across partitions, so they move to `commerce_order_keys`, one row per order written in the order's
 * statement. The tables that refer to an order refer to the partitioned table.
 */
const REFERRING = ['commerce_order_history', 'commerce_reservations', 'commerce_payments', 'commerce_order_tokens'];

const partitionOrdersSql = (boundary: string): string => `
ALTER TABLE commerce_orders NO FORCE ROW LEVEL SECURITY;
ALTER TABLE commerce_order_lines NO FORCE ROW LEVEL SECURITY;
CREATE TABLE commerce_order_keys (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  order_id uuid NOT NULL,
  display_id bigint NOT NULL,
  cart_id uuid,
  idempotency_key text,
  PRIMARY KEY (tenant_id, order_id),
  UNIQUE (tenant_id, display_id),
  UNIQUE (tenant_id, idempotency_key),
  UNIQUE (tenant_id, cart_id)
);
INSERT INTO commerce_order_keys (tenant_id, order_id, display_id, cart_id, idempotency_key)
  SELECT tenant_id, id, display_id, cart_id, idempotency_key FROM commerce_orders;
${REFERRING.map((t) => `ALTER TABLE ${t} DROP CONSTRAINT ${t}_tenant_id_order_id_fkey;`).join('\n')}

ALTER TABLE commerce_order_lines RENAME TO commerce_order_lines_legacy;
ALTER TABLE commerce_order_lines_legacy DROP CONSTRAINT commerce_order_lines_tenant_id_order_id_fkey;
ALTER INDEX commerce_order_lines_pkey RENAME TO commerce_order_lines_legacy_pkey;
ALTER INDEX commerce_order_lines_order RENAME TO commerce_order_lines_legacy_order;
ALTER TABLE commerce_orders RENAME TO commerce_orders_legacy;
ALTER TABLE commerce_orders_legacy DROP CONSTRAINT commerce_orders_tenant_id_display_id_key,
  DROP CONSTRAINT commerce_orders_tenant_id_idempotency_key_key, DROP CONSTRAINT commerce_orders_tenant_id_cart_id_key;
ALTER INDEX commerce_orders_pkey RENAME TO commerce_orders_legacy_pkey;
ALTER INDEX commerce_orders_tenant_id_id_key RENAME TO commerce_orders_legacy_tenant_id_id_key;
ALTER INDEX commerce_orders_list RENAME TO commerce_orders_legacy_list;
ALTER INDEX commerce_orders_customer RENAME TO commerce_orders_legacy_customer;
ALTER INDEX commerce_orders_email RENAME TO commerce_orders_legacy_email;

CREATE TABLE commerce_orders (LIKE commerce_orders_legacy INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (id), UNIQUE (tenant_id, id)) PARTITION BY RANGE (id);
CREATE INDEX commerce_orders_list ON commerce_orders (tenant_id, status, id);
CREATE INDEX commerce_orders_customer ON commerce_orders (tenant_id, customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX commerce_orders_email ON commerce_orders (tenant_id, lower(email) text_pattern_ops);
-- Order numbers stay unique through commerce_order_keys; this finds one (staff search, a customer's look-up).
CREATE INDEX commerce_orders_number ON commerce_orders (tenant_id, display_id);
CREATE TABLE commerce_orders_default PARTITION OF commerce_orders DEFAULT;
INSERT INTO commerce_orders_default SELECT * FROM commerce_orders_legacy WHERE id >= '${boundary}';
DELETE FROM commerce_orders_legacy WHERE id >= '${boundary}';
ALTER TABLE commerce_orders ATTACH PARTITION commerce_orders_legacy FOR VALUES FROM (MINVALUE) TO ('${boundary}');

CREATE TABLE commerce_order_lines (LIKE commerce_order_lines_legacy INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (order_id, id)) PARTITION BY RANGE (order_id);
CREATE INDEX commerce_order_lines_order ON commerce_order_lines (tenant_id, order_id, position);
CREATE TABLE commerce_order_lines_default PARTITION OF commerce_order_lines DEFAULT;
INSERT INTO commerce_order_lines_default SELECT * FROM commerce_order_lines_legacy WHERE order_id >= '${boundary}';
DELETE FROM commerce_order_lines_legacy WHERE order_id >= '${boundary}';
ALTER TABLE commerce_order_lines_legacy DROP CONSTRAINT commerce_order_lines_legacy_pkey, ADD PRIMARY KEY (order_id, id);
ALTER TABLE commerce_order_lines ATTACH PARTITION commerce_order_lines_legacy FOR VALUES FROM (MINVALUE) TO ('${boundary}');

${[...REFERRING, 'commerce_order_lines', 'commerce_order_keys']
  .map((t) => `ALTER TABLE ${t} ADD FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE;`)
  .join('\n')}
${['commerce_orders', 'commerce_order_lines', 'commerce_orders_legacy', 'commerce_order_lines_legacy', 'commerce_order_keys'].map(tenantRlsSql).join('\n')}`;

/** The first millisecond of the calendar month (UTC) after the one holding `ms`. */
const nextMonth = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

export const orderPartitionsMigration: Migration = {
  name: 'm20270202_commerce_006_order_partitions',
  up: (owner: SqlRunner) => owner.exec(partitionOrdersSql(firstIdAt(nextMonth(Date.now())))),
};

/** The tables partitioned by month, each on its order id. */
export const ORDER_TABLES = ['commerce_orders', 'commerce_order_lines'];

/** Makes this month's and the next two months' partitions of orders and lines; returns the names made. */
export const ensureOrderPartitions = async (db: SqlRunner, nowMs = Date.now()): Promise<string[]> => {
  const window = { period: 'month' as const, fromMs: nowMs, toMs: nextMonth(nextMonth(nowMs)) };
  const made: string[] = [];
  for (const table of ORDER_TABLES) made.push(...(await ensurePartitions(db, table, window)));
  return made;
};

/**
 * Hourly for the deployment: next month's partitions exist weeks before the first order needs them.
 * Also at start, so a new database's are made before its first orders, not under them.
 */
export const orderPartitionsJob: ModuleJob = {
  name: 'order-partitions',
  everyMs: 3_600_000,
  atStart: true,
  run: async ({ db, logger }) => {
    const made = await ensureOrderPartitions(db);
    if (made.length > 0) logger.info({ partitions: made }, 'order partitions made');
  },
};
