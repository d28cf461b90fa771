import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { indexModule } from '@rustok/index';
import { verifyTenant } from '@rustok/index/contracts';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/seed.js';
import { settleEvents } from '../src/settle-events.js';

describeEachBackend('demo seed', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  const seed = () => seedDemo({ db: p.database.db, registry: p.registry, events: p.bus, logger: p.logger }, tenant.id);
  const store = async <T>(url: string): Promise<T> => {
    const res = await p.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { 'x-tenant-id': tenant.id } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('demo-shop');
  });
  afterAll(() => p?.close());

  it('publishes the demo data’s events with its rows, so the storefront index shows it without a rebuild', async () => {
    const report = await seed();
    expect([...report.seeded].sort()).toEqual(['commerce', 'content', 'tenancy']);
    const { rows } = await p.database.db.query<{ type: string }>('SELECT DISTINCT type FROM sys_events WHERE tenant_id = $1 ORDER BY 1', [
      tenant.id,
    ]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['commerce.product.created', 'content.node.published']));
    expect(await settleEvents(p.bus, p.database.db)).toBe(0);

    const products = await store<{ items: { title: string }[] }>('/store/products?limit=50');
    expect(products.items.map((i) => i.title).sort()).toEqual(['Canvas backpack', 'Ceramic mug', 'Classic T-shirt', 'Gift card']);
    const mug = await store<{ items: { title: string }[] }>('/store/products?q=mug');
    expect(mug.items.map((i) => i.title)).toEqual(['Ceramic mug']);
    const posts = await store<{ items: { title: string }[] }>('/store/content?q=welcome');
    expect(posts.items.map((i) => i.title)).toEqual(['Welcome to RusToK']);
    const shop = await store<{ storefront: Record<string, unknown> }>('/store/settings');
    expect(shop.storefront).toMatchObject({ tagline: 'Everyday goods, made to last', localeCurrencies: { ru: 'RUB' } });
    const drift = await verifyTenant(p.database.db, tenant.id);
    expect(drift.map((r) => r.drift)).toEqual([0, 0]);
  });

  it('leaves the tables its seeders wrote to analyzed', async () => {
    // The outbox is partitioned: what holds the seed's events is one or two of its partitions.
    const outbox = await p.database.db.query<{ t: string }>(
      'SELECT DISTINCT tableoid::regclass::text AS t FROM sys_events WHERE tenant_id = $1',
      [tenant.id],
    );
    const written = ['commerce_products', 'commerce_variants', 'content_nodes', ...outbox.rows.map((r) => r.t)].sort();
    const { rows } = await p.database.db.query<{ relname: string }>(
      'SELECT relname::text FROM pg_stat_user_tables WHERE relname = ANY ($1) AND analyze_count > 0 ORDER BY 1',
      [written],
    );
    expect(outbox.rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.relname)).toEqual(written);
  });

  it('seeds once: a second run leaves the data and publishes nothing more', async () => {
    const count = async () => (await p.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sys_events')).rows[0]?.n;
    const before = await count();
    const again = await seed();
    expect(again.seeded).toEqual([]);
    expect([...again.skipped].sort()).toEqual(['commerce', 'content', 'tenancy']);
    expect(await count()).toBe(before);
  });
});
