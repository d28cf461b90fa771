import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyTenant } from '../src/contracts.js';
import { indexModule } from '../src/index.js';
import type { StoreProduct } from '../src/schemas.js';
import { drained, ok, waitFor } from './helpers.js';
import { type CreatedProduct, catalog } from './products-fixtures.js';

const sku = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase();

/** A shirt in two sizes: M with 3 in stock, L (translated) with 10; prices in USD and EUR. */
const shirt = (title: string) => ({
  title,
  images: [{ url: 'https://cdn.example.com/shirt-front.jpg', alt: 'Front' }, 'https://cdn.example.com/shirt-back.jpg'],
  variants: [
    {
      title: 'Medium',
      sku: sku('VAR-M'),
      options: { size: 'M' },
      prices: [
        { amount: 2500, currencyCode: 'USD' },
        { amount: 2300, currencyCode: 'EUR' },
        { amount: 2000, currencyCode: 'USD', minQuantity: 10 },
      ],
      inventory: 3,
    },
    {
      title: 'Large',
      sku: sku('VAR-L'),
      options: { size: 'L' },
      prices: [
        { amount: 2700, currencyCode: 'USD' },
        { amount: 2400, currencyCode: 'EUR' },
      ],
      inventory: 10,
      translations: { ru: { title: 'Большой' } },
    },
  ],
});

describeEachBackend('index: variants, prices, stock and images on product rows', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let c: ReturnType<typeof catalog>;
  const { data } = graphqlClient(() => p);
  const byHandle = (handle: string, query = '') => ok<StoreProduct>(c.call('GET', `/store/products/${handle}${query}`, c.visitor));
  const published = async (title: string): Promise<CreatedProduct> => {
    const product = await c.create(shirt(title));
    await c.publish(product.id);
    await drained(p);
    return product;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-variants');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
  });
  afterAll(() => p?.close());

  it('returns the variants with prices, stock bands and images by handle (REST and GraphQL), and priceFrom in lists', async () => {
    const product = await published('Variant shirt');
    const [m, l] = product.variants;
    const detail = await byHandle(product.handle);
    expect(detail.variants).toEqual([
      {
        id: m?.id,
        title: 'Medium',
        sku: expect.stringMatching(/^VAR-M-/),
        options: { size: 'M' },
        prices: [
          { amount: 2300, currencyCode: 'EUR' },
          { amount: 2500, currencyCode: 'USD' },
        ],
        inStock: true,
        availability: 'low_stock',
        available: null,
      },
      {
        id: l?.id,
        title: 'Large',
        sku: expect.stringMatching(/^VAR-L-/),
        options: { size: 'L' },
        prices: [
          { amount: 2400, currencyCode: 'EUR' },
          { amount: 2700, currencyCode: 'USD' },
        ],
        inStock: true,
        availability: 'in_stock',
        available: null,
      },
    ]);
    expect(detail.images).toEqual([
      { url: 'https://cdn.example.com/shirt-front.jpg', alt: 'Front' },
      { url: 'https://cdn.example.com/shirt-back.jpg', alt: null },
    ]);
    expect(detail).toMatchObject({ inStock: true, totalStock: null });
    expect((await byHandle(product.handle, '?locale=ru')).variants.map((v) => v.title)).toEqual(['Medium', 'Большой']);

    const gqlProduct = await data<StoreProduct>(
      'storeProduct',
      c.visitor,
      `query ($h: String!) { storeProduct(handle: $h) { id inStock totalStock
         variants { id title sku options prices { amount currencyCode } inStock availability available }
         images { url alt } } }`,
      { h: product.handle },
    );
    expect(gqlProduct).toEqual({
      id: product.id,
      inStock: true,
      totalStock: null,
      variants: detail.variants,
      images: detail.images,
    });

    const item = (await c.store('q=variant+shirt')).items.find((i) => i.id === product.id);
    expect(item).toMatchObject({
      inStock: true,
      totalStock: null,
      priceFrom: [
        { amount: 2300, currencyCode: 'EUR' },
        { amount: 2500, currencyCode: 'USD' },
      ],
    });
    expect(item).not.toHaveProperty('variants');
    const listed = await data<{ items: { id: string; inStock: boolean; priceFrom: unknown[] }[] }>(
      'storeProducts',
      c.visitor,
      '{ storeProducts(q: "variant shirt") { items { id inStock priceFrom { amount currencyCode } } } }',
    );
    expect(listed.items.find((i) => i.id === product.id)).toEqual({ id: product.id, inStock: true, priceFrom: item?.priceFrom });
  });

  it('follows stock to zero, and a sale list, after their events', async () => {
    const product = await published('Stock shirt');
    const [m, l] = product.variants;
    await c.setStock(m?.id ?? '', 0);
    await drained(p);
    const afterM = await byHandle(product.handle);
    expect(afterM.variants.map((v) => [v.inStock, v.availability])).toEqual([
      [false, 'out_of_stock'],
      [true, 'in_stock'],
    ]);
    expect(afterM.inStock).toBe(true);
    await c.setStock(l?.id ?? '', 0);
    await drained(p);
    const none = await byHandle(product.handle);
    expect(none.variants.map((v) => v.inStock)).toEqual([false, false]);
    expect(none.inStock).toBe(false);
    expect((await c.store('q=stock+shirt')).items.find((i) => i.id === product.id)?.inStock).toBe(false);

    const list = await ok<{ id: string }>(c.call('POST', '/commerce/price-lists', admin, { name: 'Sale', kind: 'sale' }), 201);
    await ok(
      c.call('PUT', `/commerce/price-lists/${list.id}/prices`, admin, {
        prices: [{ variantId: l?.id, amount: 1999, currencyCode: 'USD' }],
      }),
    );
    await drained(p);
    const sale = await byHandle(product.handle);
    expect(sale.variants[1]?.prices).toContainEqual({ amount: 1999, currencyCode: 'USD' });
    expect(sale.priceFrom).toContainEqual({ amount: 1999, currencyCode: 'USD' });
    expect((await verifyTenant(p.database.db, tenant.id, { kinds: ['products'] }))[0]?.drift).toBe(0);
  });

  it('marks a variant out of stock once an order takes its last units', async () => {
    const product = await published('Ordered shirt');
    const [m] = product.variants;
    const created = await ok<{ id?: string; cart?: { id: string }; cartToken?: string }>(
      c.call('POST', '/store/carts', c.visitor, { currencyCode: 'USD' }),
      201,
    );
    const cartId = created.cart?.id ?? created.id ?? '';
    const shopper = { ...c.visitor, ...(created.cartToken ? { 'x-cart-token': created.cartToken } : {}) };
    await ok(c.call('POST', `/store/carts/${cartId}/items`, shopper, { variantId: m?.id, quantity: 3 }));
    const address = { name: 'Ann Buyer', line1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };
    await ok(c.call('POST', `/store/carts/${cartId}/checkout`, shopper, { email: 'ann@example.com', shippingAddress: address }), 201);
    await drained(p);
    const after = await byHandle(product.handle);
    expect(after.variants.map((v) => [v.inStock, v.availability])).toEqual([
      [false, 'out_of_stock'],
      [true, 'in_stock'],
    ]);
    expect(after.inStock).toBe(true);
  });

  it('shows stock counts only where the shop exposes them (the rows follow the setting), and verify compares variants', async () => {
    const product = await published('Exposed shirt');
    expect((await byHandle(product.handle)).variants.map((v) => v.available)).toEqual([null, null]);
    // Changing the setting rebuilds the tenant's product rows (no rebuild asked for here).
    await ok(c.call('PUT', '/modules/commerce', admin, { enabled: true, settings: { exposeStock: true, lowStockThreshold: 2 } }));
    await drained(p);
    const shown = await waitFor(async () => {
      const d = await byHandle(product.handle);
      return d.totalStock === 13 && d;
    });
    expect(shown.value.variants.map((v) => [v.available, v.availability])).toEqual([
      [3, 'in_stock'],
      [10, 'in_stock'],
    ]);
    expect((await verifyTenant(p.database.db, tenant.id)).map((r) => r.drift)).toEqual([0, 0]);
    await p.database.db.transaction(
      (tx) =>
        tx.query(`UPDATE index_products SET variants = jsonb_set(variants, '{0,inStock}', 'false') WHERE product_id = $1`, [product.id]),
      { tenantId: tenant.id },
    );
    const [products] = await verifyTenant(p.database.db, tenant.id, { kinds: ['products'] });
    expect(products).toMatchObject({ stale: 2, drift: 2 });
    expect(products?.samples[0]).toMatchObject({ id: product.id, problem: 'stale', fields: ['variants'] });
    await ok(c.call('PUT', '/modules/commerce', admin, { enabled: true, settings: {} }));
  });

  it('keeps images through updates and refuses URLs that are not http(s)', async () => {
    const product = await published('Image shirt');
    await c.patch(product.id, { images: [{ url: 'http://cdn.example.com/new.png', alt: 'New' }] });
    await drained(p);
    expect((await byHandle(product.handle)).images).toEqual([{ url: 'http://cdn.example.com/new.png', alt: 'New' }]);
    for (const url of ['javascript:alert(1)', 'ftp://cdn.example.com/a.png', 'data:image/png;base64,AAAA']) {
      const res = await c.call('PATCH', `/commerce/products/${product.id}`, admin, { images: [{ url }] });
      expect(res.statusCode, url).toBe(422);
    }
  });
});
