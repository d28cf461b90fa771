import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { type EventEnvelope, generateId, type SqlRunner, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexHandlers } from '../src/handlers.js';
import { indexModule } from '../src/index.js';
import { drained } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

const consumer = indexHandlers.find((h) => h.consumer === 'index.products');

describeEachBackend('index: a delivery of product events at once', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let c: ReturnType<typeof catalog>;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-batch');
    c = catalog(p, tenant.id, (await p.userWithToken(tenant.id, ['admin'])).headers);
  });
  afterAll(() => p?.close());

  const envelope = (productId: string, occurredAt: string): EventEnvelope => ({
    id: generateId(),
    type: 'commerce.product.updated',
    schemaVersion: 1,
    tenantId: tenant.id,
    actorId: null,
    correlationId: generateId(),
    causationId: null,
    traceId: null,
    occurredAt,
    retryCount: 0,
    payload: { productId, handle: 'x', status: 'published', version: 1, changes: ['title'] },
  });

  /** Renames in the write model only (no event): the batch below is the only thing that can show it. */
  const rename = (id: string, title: string) =>
    p.database.db.transaction(
      (tx) => tx.query('UPDATE commerce_products SET title = $2, version = version + 1 WHERE id = $1', [id, title]),
      {
        tenantId: tenant.id,
      },
    );

  it('reads the write model once and writes every named product once, each with its newest event', async () => {
    const a = await c.create(productBody('Batch kettle'));
    const b = await c.create(productBody('Batch teapot'));
    await c.publish(a.id);
    await c.publish(b.id);
    await drained(p);
    await rename(a.id, 'Batch kettle, renamed');
    await rename(b.id, 'Batch teapot, renamed');
    const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s)).toISOString();
    const events = [envelope(a.id, at(1)), envelope(b.id, at(2)), envelope(a.id, at(3)), envelope(a.id, at(4)), envelope(b.id, at(5))];
    const statements: string[] = [];
    await p.database.db.transaction(
      async (tx) => {
        const counting: SqlRunner = {
          query: <Row extends Record<string, unknown>>(text: string, values?: readonly unknown[]) => {
            statements.push(text);
            return tx.query<Row>(text, values);
          },
          exec: (sql: string) => tx.exec(sql),
        };
        await consumer?.handleBatch?.(events, { tx: counting, tenantId: tenant.id, logger: p.logger });
      },
      { tenantId: tenant.id },
    );
    expect(statements.filter((s) => s.includes('commerce_product_index_sources'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('INSERT INTO index_products'))).toHaveLength(1);
    const { rows } = await p.database.db.transaction(
      (tx) =>
        tx.query<{ product_id: string; title: string; occurred: string }>(
          `SELECT product_id, title, to_char(event_occurred_at AT TIME ZONE 'UTC', 'SS') AS occurred
             FROM index_products WHERE product_id = ANY($1::uuid[]) AND locale = 'en' ORDER BY title`,
          [[a.id, b.id]],
        ),
      { tenantId: tenant.id },
    );
    expect(rows).toEqual([
      { product_id: a.id, title: 'Batch kettle, renamed', occurred: '04' },
      { product_id: b.id, title: 'Batch teapot, renamed', occurred: '05' },
    ]);
  });
});
