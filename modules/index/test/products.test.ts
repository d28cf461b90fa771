import { commerceModule } from '@rustok/commerce';
import { loadProductIndexSource, type ProductIndexSource } from '@rustok/commerce/contracts';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REBUILD } from '../src/apply/common.js';
import { applyProduct, loadProductLocales } from '../src/apply/products-refresh.js';
import { verifyTenant } from '../src/contracts.js';
import { indexModule } from '../src/index.js';
import type { ProductFacets, StoreProduct, StoreProductSummary } from '../src/schemas.js';
import { drained, expectProblem, ok, type Page } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

describeEachBackend('index: product read model', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let c: ReturnType<typeof catalog>;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-products');
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    // This shop shows stock counts (the default hides them: see variants.test.ts).
    await ok(c.call('PUT', '/modules/commerce', admin, { enabled: true, settings: { exposeStock: true } }));
  });
  afterAll(() => p?.close());

  it('makes a published product searchable within a second, and takes it away when archived', async () => {
    const product = await c.create(productBody('Alpine trekking poles', { description: 'Carbon, foldable', tags: ['hiking'] }));
    expect((await c.store('q=trekking')).items).toHaveLength(0);
    await c.publish(product.id);
    const { value, ms } = await c.until('q=trekking', product.id);
    expect(ms).toBeLessThan(1_000);
    expect(value).toMatchObject({
      handle: product.handle,
      title: 'Alpine trekking poles',
      hasStock: true,
      totalStock: 5,
      tags: ['hiking'],
    });
    expect(value.prices).toEqual([
      { currencyCode: 'EUR', min: 1100, max: 1100 },
      { currencyCode: 'USD', min: 1000, max: 1000 },
    ]);
    const detail = await ok<StoreProduct>(c.call('GET', `/store/products/${product.handle}`, c.visitor));
    expect(detail).toMatchObject({ description: 'Carbon, foldable', currencies: ['EUR', 'USD'] });
    await c.archive(product.id);
    await c.until('q=trekking', product.id, false);
    expectProblem(await c.call('GET', `/store/products/${product.handle}`, c.visitor), 404, 'INDEX_PRODUCT_NOT_FOUND');
  });

  it('finds a translated product in each locale with that locale’s stemming', async () => {
    const product = await c.create(
      productBody('Trail runners for wet days', {
        translations: { ru: { title: 'Пара кроссовок для мокрой погоды', description: 'Непромокаемые' } },
      }),
    );
    await c.publish(product.id);
    await c.until('q=running&locale=en', product.id);
    const ru = await c.until(`q=${encodeURIComponent('кроссовки')}&locale=ru`, product.id);
    expect(ru.value).toMatchObject({ locale: 'ru', textLocale: 'ru', title: 'Пара кроссовок для мокрой погоды' });
    expect((await c.store(`q=${encodeURIComponent('непромокаемый')}&locale=ru`)).items.map((i) => i.id)).toContain(product.id);
    expect((await c.store(`q=${encodeURIComponent('кроссовки')}&locale=en`)).items.map((i) => i.id)).not.toContain(product.id);
  });

  it('ranks a match in the title above one in the tags, and that above one in the description', async () => {
    const inBody = await c.create(productBody('Floor lamp', { description: 'A lamp of wombatine curves' }));
    const inTags = await c.create(productBody('Desk lamp', { tags: ['wombatine'] }));
    const inTitle = await c.create(productBody('Wombatine lamp'));
    for (const p of [inBody, inTags, inTitle]) await c.publish(p.id);
    await c.until('q=wombatine', inBody.id);
    await c.until('q=wombatine', inTitle.id);
    const page = await c.store('q=wombatine');
    expect(page.match).toBe('fulltext');
    expect(page.items.map((i) => i.id)).toEqual([inTitle.id, inTags.id, inBody.id]);
    const second = await c.store('q=wombatine&limit=1');
    const rest = await c.store(`q=wombatine&limit=2&cursor=${encodeURIComponent(second.nextCursor ?? '')}`);
    expect([...second.items, ...rest.items].map((i) => i.id)).toEqual([inTitle.id, inTags.id, inBody.id]);
  });

  it('still finds a product when the query has a typo', async () => {
    const product = await c.create(productBody('Insulated winter jacket'));
    await c.publish(product.id);
    await c.until('q=jacket', product.id);
    const page = await c.store('q=jaket');
    expect(page.match).toBe('fuzzy');
    expect(page.items.map((i) => i.id)).toContain(product.id);
  });

  it('counts facets that add up to the result', async () => {
    const shapes = [
      { prices: [900], stock: 3, categories: ['facet-shoes'], tags: ['facet-red'] },
      { prices: [3000, 7000], stock: 0, categories: ['facet-shoes', 'facet-sale'], tags: ['facet-red', 'facet-blue'] },
      { prices: [12000], stock: 1, categories: ['facet-bags'], tags: [] },
      { prices: [60000], stock: 0, categories: ['facet-bags'], tags: ['facet-blue'] },
    ];
    for (const [i, shape] of shapes.entries()) await c.publish((await c.create(productBody(`Facetted gizmo ${i}`, shape))).id);
    await drained(p);
    const page = await ok<Page<StoreProductSummary> & { facets: ProductFacets }>(
      c.call('GET', '/store/products?q=gizmo&facets=true&limit=100', c.visitor),
    );
    const f = page.facets;
    expect(f.total).toBe(4);
    expect(page.items).toHaveLength(4);
    expect(f.inStock + f.outOfStock).toBe(f.total);
    expect(f.priceBuckets.reduce((n, b) => n + b.count, 0) + f.noPrice).toBe(f.total);
    expect(f.priceBuckets.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 1]);
    for (const { value, count } of [...f.categories, ...f.tags]) {
      expect(page.items.filter((i) => i.categories.includes(value) || i.tags.includes(value))).toHaveLength(count);
    }
    expect(f.categories).toContainEqual({ value: 'facet-shoes', count: 2 });
    const narrowed = await ok<{ facets: ProductFacets; items: unknown[] }>(
      c.call('GET', '/store/products?q=gizmo&facets=true&category=facet-bags&inStock=true', c.visitor),
    );
    expect(narrowed.facets.total).toBe(1);
    expect(narrowed.items).toHaveLength(1);
  });

  it('pages by price, date and relevance without repeats while products are published between pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const product = await c.create(productBody(`Paged lantern ${i}`, { prices: [500 + (i % 3) * 100], tags: ['paged'] }));
      await c.publish(product.id);
      ids.push(product.id);
    }
    await drained(p);
    for (const sort of ['price_asc', 'newest', 'price_desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<StoreProductSummary> = await c.store(`tag=paged&sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        await c.publish((await c.create(productBody(`Late lantern ${sort}`, { prices: [550], tags: ['paged'] }))).id);
        await drained(p);
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const id of ids)
        expect(
          seen.filter((s) => s === id),
          `${sort} ${id}`,
        ).toHaveLength(1);
    }
    const ranked: string[] = [];
    let next: string | null = null;
    do {
      const page: Page<StoreProductSummary> = await c.store(`q=lantern&limit=4${next ? `&cursor=${next}` : ''}`);
      ranked.push(...page.items.map((i) => i.id));
      next = page.nextCursor;
    } while (next);
    expect(new Set(ranked).size).toBe(ranked.length);
    for (const id of ids) expect(ranked).toContain(id);
    expectProblem(await c.call('GET', '/store/products?sort=newest&cursor=bm90LWEtY3Vyc29y', c.visitor), 422, 'INDEX_CURSOR_INVALID');
  });

  it('follows stock changes, and verify finds no drift after a rebuild but finds a corrupted row', async () => {
    const product = await c.create(productBody('Stocked kettle', { stock: 2 }));
    await c.publish(product.id);
    await c.until('q=kettle&inStock=true', product.id);
    await c.setStock(product.variants[0]?.id ?? '', 0);
    await c.until('q=kettle&inStock=true', product.id, false);
    await c.until('q=kettle&inStock=false', product.id);
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    await ok(c.call('POST', '/index/rebuild', admin, {}), 202);
    await drained(p);
    expect((await verifyTenant(p.database.db, tenant.id)).map((r) => r.drift)).toEqual([0, 0]);
    await p.database.db.transaction((tx) => tx.query('UPDATE index_products SET total_stock = 99 WHERE product_id = $1', [product.id]), {
      tenantId: tenant.id,
    });
    const [products] = await verifyTenant(p.database.db, tenant.id, { kinds: ['products'] });
    expect(products).toMatchObject({ stale: 2, drift: 2 });
    expect(products?.samples[0]).toMatchObject({ id: product.id, problem: 'stale', fields: ['totalStock'] });
  });

  it('never regresses a row when a stale read of (version, stock version) is applied late', async () => {
    const product = await c.create(productBody('Ordered teapot', { stock: 4 }));
    await c.publish(product.id);
    await drained(p);
    const inTenant = <T>(fn: (tx: Parameters<Parameters<typeof p.database.db.transaction>[0]>[0]) => Promise<T>) =>
      p.database.db.transaction(fn, { tenantId: tenant.id });
    const stale = (await inTenant((tx) => loadProductIndexSource(tx, product.id, 'en'))) as ProductIndexSource;
    await c.setStock(product.variants[0]?.id ?? '', 1); // stock version up, version unchanged
    await drained(p);
    const applyStale = () => inTenant(async (tx) => applyProduct(tx, product.id, stale, await loadProductLocales(tx), REBUILD));
    const row = () =>
      inTenant(
        async (tx) =>
          (await tx.query("SELECT title, status, total_stock FROM index_products WHERE product_id = $1 AND locale = 'en'", [product.id]))
            .rows[0],
      );
    await applyStale();
    expect(await row()).toMatchObject({ title: 'Ordered teapot', total_stock: 1, status: 'published' });
    await c.patch(product.id, { title: 'Ordered teapot, renamed' }); // version up
    await drained(p);
    await applyStale();
    expect(await row()).toMatchObject({ title: 'Ordered teapot, renamed', total_stock: 1 });
    await ok(c.call('DELETE', `/commerce/products/${product.id}`, (await p.userWithToken(tenant.id, ['admin'])).headers), 204);
    await drained(p);
    await applyStale();
    expect(await row()).toMatchObject({ status: 'deleted' });
    expect((await c.store('q=teapot')).items).toHaveLength(0);
  });
});
