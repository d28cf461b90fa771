import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import { indexOptions } from '../src/options.js';
import { StoreProductsQuery } from '../src/schemas.js';
import type { StoreContext } from '../src/search/context.js';
import { newestListText } from '../src/search/product-text.js';
import { listProducts } from '../src/search/products.js';
import { drained } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

describeEachBackend('index: the newest list from stored items', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let c: ReturnType<typeof catalog>;
  let ctx: StoreContext;
  const query = (q: Record<string, unknown>) => Value.Default(StoreProductsQuery, q) as StoreProductsQuery;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-text');
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    const bodies = [
      productBody('Text lamp "quoted" \\ slash', { prices: [1500, 900], categories: ['lights'], tags: ['new'] }),
      productBody('Text desk', { stock: 0, categories: ['office'] }),
      productBody('Text chair ünïcode', { subtitle: 'Comfortable', tags: ['new', 'sale'] }),
      productBody('Text shelf', { prices: [4000] }),
      productBody('Text stool'),
    ];
    for (const body of bodies) await c.publish((await c.create(body)).id);
    await drained(p);
    const options = indexOptions(p.app.rustok.config);
    ctx = { db: p.database.db, tenantId: tenant.id, defaultLocale: 'en', search: options.search, index: options.index };
  });
  afterAll(() => p?.close());

  it('answers exactly what the general list answers, page after page and with filters', async () => {
    const cases = [{}, { limit: 2 }, { category: 'lights' }, { tag: 'new' }, { inStock: false }, { inStock: true, limit: 1 }];
    for (const q of cases) {
      let cursor: string | undefined;
      let pages = 0;
      do {
        const wanted = query({ ...q, ...(cursor ? { cursor } : {}) });
        const text = await newestListText(ctx, wanted);
        expect(text, JSON.stringify(wanted)).toBeTypeOf('string');
        const general = await listProducts(ctx, wanted);
        expect(JSON.parse(text as string), JSON.stringify(wanted)).toEqual(JSON.parse(JSON.stringify(general)));
        cursor = general.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
    }
  });

  it('leaves searches, price filters and sorts, and facets to the general list', async () => {
    for (const q of [{ q: 'lamp' }, { minPrice: 100 }, { sort: 'price_asc' }, { facets: true }]) {
      expect(await newestListText(ctx, query(q))).toBeUndefined();
    }
  });

  it('is what GET /store/products sends, as JSON, and a changed product shows in it at once', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/store/products?limit=3', headers: c.visitor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toBe(await newestListText(ctx, query({ limit: 3 })));
    expect(res.body).not.toMatch(/" : |, \n/); // compact, as a serialiser writes it
    const first = (res.json() as { items: { id: string }[] }).items[0] as { id: string };
    await c.patch(first.id, { title: 'Text renamed' });
    await drained(p);
    const after = JSON.parse((await newestListText(ctx, query({ limit: 3 }))) as string) as { items: { id: string; title: string }[] };
    expect(after.items.find((i) => i.id === first.id)?.title).toBe('Text renamed');
  });
});
