import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { PriceListView, ProductView } from '../src/schemas/catalog-views.js';
import { caller, expectProblem, ok, simpleProduct } from './catalog-helpers.js';

describeEachBackend('commerce catalog: access and tenants', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let adminA: Record<string, string>;
  let adminB: Record<string, string>;
  let customerA: Record<string, string>;
  let editorA: Record<string, string>;
  let publicA: Record<string, string>;
  let call: ReturnType<typeof caller>;
  let draftA: ProductView;
  let publishedA: ProductView;
  let productB: ProductView;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    call = caller(p);
    a = await p.createTenant('catalog-acl-a');
    b = await p.createTenant('catalog-acl-b');
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
    customerA = (await p.userWithToken(a.id, ['customer'])).headers;
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
    publicA = { 'x-tenant-id': a.id };
    draftA = await ok(call('POST', '/commerce/products', adminA, simpleProduct('Draft of A')), 201);
    publishedA = await ok(call('POST', '/commerce/products', adminA, simpleProduct('Published of A', { status: 'published' })), 201);
    productB = await ok(call('POST', '/commerce/products', adminB, simpleProduct('Product of B', { status: 'published' })), 201);
  });
  afterAll(() => p?.close());

  it('shows the public and customers published products only', async () => {
    for (const headers of [publicA, customerA]) {
      const list = await ok<{ items: ProductView[] }>(call('GET', '/commerce/products?limit=100', headers));
      expect(list.items.map((i) => i.id)).toEqual([publishedA.id]);
      const drafts = await ok<{ items: ProductView[] }>(call('GET', '/commerce/products?status=draft', headers));
      expect(drafts.items).toEqual([]);
      expect((await ok(call('GET', `/commerce/products/${publishedA.id}`, headers))).title).toBe('Published of A');
      expectProblem(await call('GET', `/commerce/products/${draftA.id}`, headers), 404, 'COMMERCE_PRODUCT_NOT_FOUND');
      const draftVariant = draftA.variants[0]?.id;
      expectProblem(await call('GET', `/commerce/variants/${draftVariant}/price?currency=USD`, headers), 404, 'COMMERCE_VARIANT_NOT_FOUND');
      const publishedVariant = publishedA.variants[0]?.id;
      expect(
        (await ok<{ unitAmount: number }>(call('GET', `/commerce/variants/${publishedVariant}/price?currency=USD`, headers))).unitAmount,
      ).toBe(1000);
      const list2 = `/commerce/variants/${publishedVariant}/price?currency=USD&priceList=${crypto.randomUUID()}`;
      expectProblem(await call('GET', list2, headers), headers === publicA ? 401 : 403);
    }
    const all = await ok<{ items: ProductView[] }>(call('GET', '/commerce/products?limit=100', editorA));
    expect(all.items.map((i) => i.id).sort()).toEqual([draftA.id, publishedA.id].sort());
  });

  it('refuses writes without the permission (403 for a customer or an editor, 401 anonymously)', async () => {
    const variantId = publishedA.variants[0]?.id;
    const writes: [string, string, unknown][] = [
      ['POST', '/commerce/products', simpleProduct('Nope')],
      ['PATCH', `/commerce/products/${publishedA.id}`, { title: 'Nope' }],
      ['DELETE', `/commerce/products/${publishedA.id}`, undefined],
      ['POST', `/commerce/products/${draftA.id}/publish`, undefined],
      ['POST', `/commerce/products/${publishedA.id}/archive`, undefined],
      ['POST', `/commerce/products/${publishedA.id}/variants`, { title: 'Nope' }],
      ['PUT', `/commerce/variants/${variantId}/prices`, { prices: [] }],
      ['PUT', `/commerce/inventory/${variantId}`, { available: 1 }],
      ['POST', '/commerce/price-lists', { name: 'Nope' }],
      ['GET', '/commerce/price-lists', undefined],
    ];
    for (const [method, url, body] of writes) {
      expectProblem(await call(method as 'POST', url, customerA, body), 403, 'AUTH_FORBIDDEN');
      expectProblem(await call(method as 'POST', url, editorA, body), 403, 'AUTH_FORBIDDEN');
      expectProblem(await call(method as 'POST', url, publicA, body), 401, 'AUTH_REQUIRED');
    }
    expectProblem(await call('GET', `/commerce/inventory/${variantId}`, customerA), 403);
    expect((await ok(call('GET', `/commerce/products/${publishedA.id}`, adminA))).title).toBe('Published of A');
  });

  it('needs commerce.products.publish to publish, and the price and stock permissions for initial prices and stock', async () => {
    await p.database.db.transaction(
      (tx) =>
        tx.query("INSERT INTO tenant_roles (tenant_id, name, permissions) VALUES ($1, 'catalog_writer', $2)", [
          a.id,
          ['commerce.products.write', 'commerce.products.read'],
        ]),
      { tenantId: a.id },
    );
    const writer = (await p.userWithToken(a.id, ['catalog_writer'])).headers;
    const res = await call('POST', '/commerce/products', writer, { title: 'Direct publish', status: 'published' });
    expectProblem(res, 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('POST', '/commerce/products', writer, simpleProduct('With prices')), 403, 'AUTH_FORBIDDEN');
    const draft = await ok(call('POST', '/commerce/products', writer, { title: 'Plain draft', variants: [{ title: 'One' }] }), 201);
    expectProblem(await call('PATCH', `/commerce/products/${draft.id}`, writer, { status: 'published' }), 403, 'AUTH_FORBIDDEN');
    expect((await ok(call('PATCH', `/commerce/products/${draft.id}`, writer, { title: 'Renamed', status: 'draft' }))).version).toBe(2);
    const published = await ok(call('PATCH', `/commerce/products/${draft.id}`, adminA, { status: 'published' }));
    expect(published).toMatchObject({ status: 'published', version: 3 });
    expect(published.publishedAt).not.toBeNull();
  });

  it("answers another tenant's product, variant and price list with 404", async () => {
    const list = await ok<PriceListView>(call('POST', '/commerce/price-lists', adminB, { name: 'B list' }), 201);
    const pid = productB.id;
    const vid = productB.variants[0]?.id as string;
    const cases: [string, string, unknown, string][] = [
      ['GET', `/commerce/products/${pid}`, undefined, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['PATCH', `/commerce/products/${pid}`, { title: 'by A' }, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['DELETE', `/commerce/products/${pid}`, undefined, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['POST', `/commerce/products/${pid}/publish`, undefined, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['POST', `/commerce/products/${pid}/archive`, undefined, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['POST', `/commerce/products/${pid}/variants`, { title: 'by A' }, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['PATCH', `/commerce/products/${pid}/variants/${vid}`, { title: 'by A' }, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['DELETE', `/commerce/products/${pid}/variants/${vid}`, undefined, 'COMMERCE_PRODUCT_NOT_FOUND'],
      ['PATCH', `/commerce/products/${draftA.id}/variants/${vid}`, { title: 'by A' }, 'COMMERCE_VARIANT_NOT_FOUND'],
      ['PUT', `/commerce/variants/${vid}/prices`, { prices: [] }, 'COMMERCE_VARIANT_NOT_FOUND'],
      ['GET', `/commerce/variants/${vid}/price?currency=USD`, undefined, 'COMMERCE_VARIANT_NOT_FOUND'],
      ['GET', `/commerce/inventory/${vid}`, undefined, 'COMMERCE_VARIANT_NOT_FOUND'],
      ['PUT', `/commerce/inventory/${vid}`, { available: 0 }, 'COMMERCE_VARIANT_NOT_FOUND'],
      ['GET', `/commerce/price-lists/${list.id}`, undefined, 'COMMERCE_PRICE_LIST_NOT_FOUND'],
      ['PATCH', `/commerce/price-lists/${list.id}`, { name: 'by A' }, 'COMMERCE_PRICE_LIST_NOT_FOUND'],
      ['PUT', `/commerce/price-lists/${list.id}/prices`, { prices: [] }, 'COMMERCE_PRICE_LIST_NOT_FOUND'],
      ['DELETE', `/commerce/price-lists/${list.id}`, undefined, 'COMMERCE_PRICE_LIST_NOT_FOUND'],
    ];
    for (const [method, url, body, code] of cases) expectProblem(await call(method as 'GET', url, adminA, body), 404, code);
    const own = await ok<PriceListView>(call('POST', '/commerce/price-lists', adminA, { name: 'A list' }), 201);
    const foreign = await call('PUT', `/commerce/price-lists/${own.id}/prices`, adminA, {
      prices: [{ variantId: vid, amount: 1, currencyCode: 'USD' }],
    });
    expectProblem(foreign, 422);
    const listed = await ok<{ items: ProductView[] }>(call('GET', '/commerce/products?limit=100', adminA));
    expect(listed.items.map((i) => i.id)).not.toContain(pid);
    const lists = await ok<{ items: PriceListView[] }>(call('GET', '/commerce/price-lists', adminA));
    expect(lists.items.map((l) => l.id)).toEqual([own.id]);
    const sameHandle = await ok(call('POST', '/commerce/products', adminA, simpleProduct('x', { handle: productB.handle })), 201);
    expect(sameHandle.handle).toBe(productB.handle);
    const sameSku = { title: 'Same SKU as B', variants: [{ title: 'x', sku: productB.variants[0]?.sku }] };
    expect((await call('POST', '/commerce/products', adminA, sameSku)).statusCode).toBe(201);
    const stillB = await ok(call('GET', `/commerce/products/${pid}`, adminB));
    expect(stillB).toMatchObject({ title: 'Product of B', version: 1, status: 'published' });
  });
});
