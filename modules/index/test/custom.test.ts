import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import flexModule from '@rustok/flex';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import type { StoreProduct } from '../src/schemas.js';
import { expectProblem, ok, waitFor } from './helpers.js';
import { type CreatedProduct, catalog } from './products-fixtures.js';

type Custom = Record<string, unknown> | undefined;

describeEachBackend('index: public flex values of products (custom)', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let c: ReturnType<typeof catalog>;

  /** Sets (or, with null, removes) a product's values of the schema through flex's REST route. */
  const publishValues = async (productId: string, values: Record<string, unknown> | null) => {
    const path = `/flex/attached/product/${productId}/specs`;
    if (values) await ok(c.call('PUT', path, admin, { values }));
    else await ok(c.call('DELETE', path, admin), 204);
  };

  const detail = (handle: string, locale = 'en') =>
    ok<StoreProduct & { custom?: Custom }>(c.call('GET', `/store/products/${handle}?locale=${locale}`, c.visitor));
  const item = async (query: string, id: string) =>
    (await c.store(query)).items.find((i) => i.id === id) as (StoreProduct & { custom?: Custom }) | undefined;
  const untilCustom = (product: CreatedProduct, want: (custom: Custom) => boolean) =>
    waitFor(async () => want((await detail(product.handle)).custom), 1_000, `custom of ${product.handle}`);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, flexModule, indexModule] });
    tenant = await p.createTenant('index-custom');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    await ok(
      c.call('POST', '/flex/schemas', admin, {
        slug: 'specs',
        name: 'Specs',
        target: 'product',
        fields: [
          { key: 'material', label: 'Material', type: 'text', access: 'public', filterable: true },
          { key: 'care', type: 'text', access: 'public', localized: true },
          { key: 'origin', type: 'text', access: 'public', localized: true },
          { key: 'weight', type: 'integer', access: 'public' },
          { key: 'cost', type: 'integer', access: 'admin' },
        ],
      }),
      201,
    );
  });
  afterAll(() => p?.close());

  it('shows the public values on the detail and the list items within a second; products without values keep their bytes', async () => {
    const product = await c.published('Wool jumper');
    const plain = await c.published('Plain tee');
    const before = await c.call('GET', `/store/products/${plain.handle}`, c.visitor);
    expect(before.body).not.toContain('"custom"');
    await publishValues(product.id, {
      material: 'wool',
      care: { en: 'Hand wash', ru: 'Ручная стирка' },
      origin: { en: 'Portugal' },
      weight: 400,
      cost: 120,
    });
    const { ms } = await untilCustom(product, (custom) => custom?.['specs.material'] === 'wool');
    expect(ms).toBeLessThan(1_000);
    const en = { 'specs.material': 'wool', 'specs.care': 'Hand wash', 'specs.origin': 'Portugal', 'specs.weight': 400 };
    expect((await detail(product.handle)).custom).toEqual(en);
    expect((await item('limit=100', product.id))?.custom).toEqual(en);
    // Localized values in the row's locale, else the default locale's; staff fields never.
    expect((await detail(product.handle, 'ru')).custom).toEqual({ ...en, 'specs.care': 'Ручная стирка' });
    expect((await item('limit=100', plain.id))?.custom).toBeUndefined();
    expect((await c.call('GET', `/store/products/${plain.handle}`, c.visitor)).body).toBe(before.body);
  });

  it('keeps the values through a product change (rebuilt rows keep custom)', async () => {
    const product = await c.published('Linen shirt');
    await publishValues(product.id, { material: 'linen' });
    await untilCustom(product, (custom) => custom?.['specs.material'] === 'linen');
    await c.patch(product.id, { title: 'Linen shirt, relaxed' });
    await waitFor(async () => (await detail(product.handle)).title === 'Linen shirt, relaxed', 2_000, 'the new title');
    expect((await detail(product.handle)).custom).toEqual({ 'specs.material': 'linen' });
  });

  it('filters and counts by a filterable field; a filter on another field is 422', async () => {
    const cotton = await c.published('Cotton socks');
    const silk = await c.published('Silk scarf');
    await publishValues(cotton.id, { material: 'cotton', weight: 50 });
    await publishValues(silk.id, { material: 'silk' });
    await untilCustom(silk, (custom) => custom?.['specs.material'] === 'silk');
    await untilCustom(cotton, (custom) => custom?.['specs.material'] === 'cotton');
    const page = await c.store('custom.specs.material=cotton&facets=true&limit=100');
    expect(page.items.map((i) => i.id)).toEqual([cotton.id]);
    const all = await c.store('facets=true&limit=100');
    const facets = all.facets as { custom: { field: string; values: { value: string; count: number }[] }[] };
    const material = facets.custom.find((f) => f.field === 'specs.material');
    expect(material?.values).toEqual(
      expect.arrayContaining([
        { value: 'cotton', count: 1 },
        { value: 'silk', count: 1 },
      ]),
    );
    expectProblem(await c.call('GET', '/store/products?custom.specs.weight=50', c.visitor), 422, 'VALIDATION_FAILED');
    const unknown = await c.call('GET', '/store/products?custom.specs.nothing=1', c.visitor);
    expectProblem(unknown, 422, 'VALIDATION_FAILED');
    expect(unknown.body).toContain('custom.specs.nothing');
  });

  it('answers the same over GraphQL: custom on items, the custom filter and facets; plain queries still answered', async () => {
    const { data, codes } = graphqlClient(() => p);
    const bamboo = await c.published('Bamboo towel');
    await publishValues(bamboo.id, { material: 'bamboo' });
    await untilCustom(bamboo, (custom) => custom?.['specs.material'] === 'bamboo');
    type Items = {
      items: { id: string; custom: Custom | null }[];
      facets: { custom: { field: string; values: { value: string; count: number }[] }[] };
    };
    const page = await data<Items>(
      'storeProducts',
      c.visitor,
      `query ($c: JSON) { storeProducts(custom: $c, facets: true, first: 50) { items { id custom } facets { custom { field values { value count } } } } }`,
      { c: { 'specs.material': 'bamboo' } },
    );
    expect(page.items).toEqual([{ id: bamboo.id, custom: { 'specs.material': 'bamboo' } }]);
    expect(page.facets.custom).toEqual([{ field: 'specs.material', values: [{ value: 'bamboo', count: 1 }] }]);
    const plain = await data<{ items: { id: string; title: string }[] }>(
      'storeProducts',
      c.visitor,
      '{ storeProducts(first: 100) { items { id title } } }',
    );
    expect(plain.items.find((i) => i.id === bamboo.id)).toEqual({ id: bamboo.id, title: 'Bamboo towel' });
    const shape = `{ storeProducts(first: 100) { items { id handle locale textLocale title subtitle prices { currencyCode min max } priceFrom { amount currencyCode }
      inStock hasStock totalStock categories tags publishedAt } nextCursor match } }`;
    const full = await data<{ items: Record<string, unknown>[] }>('storeProducts', c.visitor, shape);
    expect(full.items.find((i) => i.id === bamboo.id)).not.toHaveProperty('custom');
    const one = await data<{ custom: Custom | null }>('storeProduct', c.visitor, `{ storeProduct(handle: "${bamboo.handle}") { custom } }`);
    expect(one.custom).toEqual({ 'specs.material': 'bamboo' });
    const refused = await codes(c.visitor, 'query ($c: JSON) { storeProducts(custom: $c) { items { id } } }', { c: { 'specs.weight': 1 } });
    expect(refused).toEqual(['VALIDATION_FAILED']);
  });

  it('never lets an older event overwrite a newer one, and removes deleted values', async () => {
    const product = await c.published('Hemp bag');
    await publishValues(product.id, { material: 'hemp' });
    await untilCustom(product, (custom) => custom?.['specs.material'] === 'hemp');
    // An event that occurred before the stored one (published late, delivered after it) changes nothing.
    await p.database.db.transaction(
      async (tx) => {
        const { rows } = await tx.query<{ n: number }>(
          `UPDATE index_product_custom SET event_at = event_at + interval '1 hour' WHERE product_id = $1 RETURNING 1 AS n`,
          [product.id],
        );
        expect(rows).toHaveLength(1);
      },
      { tenantId: tenant.id },
    );
    await publishValues(product.id, { material: 'jute' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await detail(product.handle)).custom).toEqual({ 'specs.material': 'hemp' });
    await p.database.db.transaction(
      (tx) => tx.query(`UPDATE index_product_custom SET event_at = now() - interval '1 hour' WHERE product_id = $1`, [product.id]),
      {
        tenantId: tenant.id,
      },
    );
    await publishValues(product.id, null);
    await untilCustom(product, (custom) => custom === undefined);
    expect((await item('limit=100', product.id))?.custom).toBeUndefined();
  });

  it('drops the values from the storefront while flex is switched off for the tenant (the products stay)', async () => {
    const product = await c.published('Denim jacket');
    await publishValues(product.id, { material: 'denim' });
    await untilCustom(product, (custom) => custom?.['specs.material'] === 'denim');
    await ok(c.call('PUT', '/modules/flex', admin, { enabled: false }));
    await untilCustom(product, (custom) => custom === undefined);
    expect((await detail(product.handle)).title).toBe('Denim jacket');
    await ok(c.call('PUT', '/modules/flex', admin, { enabled: true }));
    await untilCustom(product, (custom) => custom?.['specs.material'] === 'denim');
  });
});
