import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { InventoryView, PriceListView, ProductView, QuoteView } from '../src/schemas/catalog-views.js';
import { caller, catalogEvents, expectProblem, ok, unique } from './catalog-helpers.js';

const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

describeEachBackend('commerce catalog: prices, price lists and stock', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let call: ReturnType<typeof caller>;
  let product: ProductView;
  let variantId: string;
  const quote = (query: string) => call('GET', `/commerce/variants/${variantId}/price?${query}`, admin);
  const amountOf = async (query: string) => (await ok<QuoteView>(quote(query))).unitAmount;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    call = caller(p);
    tenant = await p.createTenant('catalog-prices');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    product = await ok(
      call('POST', '/commerce/products', admin, {
        title: 'Coffee beans',
        status: 'published',
        variants: [
          {
            title: '1 kg',
            sku: unique('BEANS'),
            prices: [
              { amount: 2000, currencyCode: 'USD' },
              { amount: 1800, currencyCode: 'USD', minQuantity: 10 },
              { amount: 1500, currencyCode: 'USD', minQuantity: 100 },
              { amount: 180_000, currencyCode: 'RUB' },
            ],
          },
        ],
      }),
      201,
    );
    variantId = product.variants[0]?.id as string;
  });
  afterAll(() => p?.close());

  it('quotes the quantity tier that applies, in the asked currency', async () => {
    expect(await ok<QuoteView>(quote('currency=USD&quantity=3'))).toMatchObject({
      unitAmount: 2000,
      totalAmount: 6000,
      minQuantity: 1,
      priceListId: null,
    });
    expect(await amountOf('currency=USD&quantity=10')).toBe(1800);
    expect(await amountOf('currency=USD&quantity=99')).toBe(1800);
    expect(await amountOf('currency=USD&quantity=250')).toBe(1500);
    expect(await amountOf('currency=RUB')).toBe(180_000);
    expectProblem(await quote('currency=EUR'), 404, 'COMMERCE_PRICE_NOT_FOUND');
    expectProblem(await quote('currency=ABC'), 422);
    expectProblem(await quote('currency=USD&quantity=0'), 422);
  });

  it('takes a running sale list, ignores one outside its window, and bumps the product on list changes', async () => {
    const before = await ok(call('GET', `/commerce/products/${product.id}`, admin));
    const sale = await ok<PriceListView>(
      call('POST', '/commerce/price-lists', admin, {
        name: 'Summer sale',
        kind: 'sale',
        startsAt: at(-1),
        endsAt: at(1),
        prices: [{ variantId, amount: 1600, currencyCode: 'USD' }],
      }),
      201,
    );
    expect(sale).toMatchObject({
      kind: 'sale',
      active: true,
      prices: [{ variantId, productId: product.id, amount: 1600, minQuantity: 1 }],
    });
    expect(await ok<QuoteView>(quote('currency=USD'))).toMatchObject({ unitAmount: 1600, priceListId: sale.id, priceListKind: 'sale' });
    expect(await amountOf('currency=USD&quantity=100')).toBe(1500);
    await ok(call('PATCH', `/commerce/price-lists/${sale.id}`, admin, { startsAt: at(1), endsAt: at(2) }));
    expect(await amountOf('currency=USD')).toBe(2000);
    await ok(call('PATCH', `/commerce/price-lists/${sale.id}`, admin, { startsAt: at(-3), endsAt: at(-2) }));
    expect(await amountOf('currency=USD')).toBe(2000);
    await ok(call('PATCH', `/commerce/price-lists/${sale.id}`, admin, { endsAt: null, startsAt: null, active: false }));
    expect(await amountOf('currency=USD')).toBe(2000);
    const after = await ok(call('GET', `/commerce/products/${product.id}`, admin));
    expect(after.version).toBe(before.version + 4);
    const events = await catalogEvents(p, tenant.id, product.id);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['commerce.product.updated', 'commerce.price.updated']);
    expectProblem(await call('PATCH', `/commerce/price-lists/${sale.id}`, admin, { startsAt: at(2), endsAt: at(1) }), 422);
    await ok(call('DELETE', `/commerce/price-lists/${sale.id}`, admin), 204);
    expectProblem(await call('GET', `/commerce/price-lists/${sale.id}`, admin), 404, 'COMMERCE_PRICE_LIST_NOT_FOUND');
    expect((await ok(call('GET', `/commerce/products/${product.id}`, admin))).version).toBe(before.version + 5);
  });

  it('applies an override list only when the caller names it, even when dearer', async () => {
    const wholesale = await ok<PriceListView>(call('POST', '/commerce/price-lists', admin, { name: 'Wholesale', kind: 'override' }), 201);
    const priced = await ok<PriceListView>(
      call('PUT', `/commerce/price-lists/${wholesale.id}/prices`, admin, {
        prices: [
          { variantId, amount: 2100, currencyCode: 'USD' },
          { variantId, amount: 1200, currencyCode: 'USD', minQuantity: 50 },
        ],
      }),
    );
    expect(priced.prices.map((x) => x.amount)).toEqual([2100, 1200]);
    expect(await amountOf('currency=USD')).toBe(2000);
    expect(await ok<QuoteView>(quote(`currency=USD&priceList=${wholesale.id}`))).toMatchObject({
      unitAmount: 2100,
      priceListKind: 'override',
    });
    expect(await amountOf(`currency=USD&quantity=60&priceList=${wholesale.id}`)).toBe(1200);
    expect(await amountOf(`currency=RUB&priceList=${wholesale.id}`)).toBe(180_000);
    const lists = await ok<{ items: PriceListView[] }>(call('GET', '/commerce/price-lists', admin));
    expect(lists.items.map((l) => l.id)).toContain(wholesale.id);
    const bad = await call('PUT', `/commerce/price-lists/${wholesale.id}/prices`, admin, {
      prices: [{ variantId: crypto.randomUUID(), amount: 1, currencyCode: 'USD' }],
    });
    expectProblem(bad, 422);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('/prices/0/variantId');
  });

  it('replaces a variant base price set and announces the currencies that changed', async () => {
    const other = await ok(
      call('POST', '/commerce/products', admin, {
        title: 'Tea',
        variants: [{ title: '100 g', prices: [{ amount: 500, currencyCode: 'EUR' }] }],
      }),
      201,
    );
    const id = other.variants[0]?.id as string;
    const variant = await ok<{ prices: { currencyCode: string; amount: number }[] }>(
      call('PUT', `/commerce/variants/${id}/prices`, admin, { prices: [{ amount: 700, currencyCode: 'USD' }] }),
    );
    expect(variant.prices).toMatchObject([{ currencyCode: 'USD', amount: 700 }]);
    const last = (await catalogEvents(p, tenant.id, other.id)).filter((e) => e.type === 'commerce.price.updated').at(-1);
    expect(last?.payload.currencyCodes).toEqual(['EUR', 'USD']);
    const dup = await call('PUT', `/commerce/variants/${id}/prices`, admin, {
      prices: [
        { amount: 1, currencyCode: 'USD', minQuantity: 2 },
        { amount: 2, currencyCode: 'USD', minQuantity: 2 },
      ],
    });
    expectProblem(dup, 422, 'VALIDATION_FAILED');
    expectProblem(
      await call('PUT', `/commerce/variants/${crypto.randomUUID()}/prices`, admin, { prices: [] }),
      404,
      'COMMERCE_VARIANT_NOT_FOUND',
    );
  });

  it('sets stock with PUT /inventory, publishing the delta and bumping the stock version only', async () => {
    const before = await ok<InventoryView>(call('GET', `/commerce/inventory/${variantId}`, admin));
    const productBefore = await ok(call('GET', `/commerce/products/${product.id}`, admin));
    const set = await ok<InventoryView>(call('PUT', `/commerce/inventory/${variantId}`, admin, { available: 42 }));
    expect(set).toMatchObject({ variantId, productId: product.id, available: 42, version: before.version + 1 });
    const lower = await ok<InventoryView>(call('PUT', `/commerce/inventory/${variantId}`, admin, { available: 40 }));
    expect(lower.version).toBe(before.version + 2);
    const same = await ok<InventoryView>(call('PUT', `/commerce/inventory/${variantId}`, admin, { available: 40 }));
    expect(same.version).toBe(before.version + 2);
    const adjusted = (await catalogEvents(p, tenant.id, product.id)).filter((e) => e.type === 'commerce.inventory.adjusted');
    expect(adjusted.slice(-2).map((e) => e.payload)).toEqual([
      { variantId, productId: product.id, delta: 42 - before.available, available: 42, reason: 'set', orderId: null },
      { variantId, productId: product.id, delta: -2, available: 40, reason: 'set', orderId: null },
    ]);
    const productAfter = await ok(call('GET', `/commerce/products/${product.id}`, admin));
    expect(productAfter.version).toBe(productBefore.version);
    expect(productAfter.variants[0]).toMatchObject({ available: 40, inventoryVersion: before.version + 2 });
    expectProblem(await call('PUT', `/commerce/inventory/${variantId}`, admin, { available: -1 }), 422);
    expectProblem(
      await call('PUT', `/commerce/inventory/${crypto.randomUUID()}`, admin, { available: 1 }),
      404,
      'COMMERCE_VARIANT_NOT_FOUND',
    );
  });
});
