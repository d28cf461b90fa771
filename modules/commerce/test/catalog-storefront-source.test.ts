import { systemActor } from '@rustok/api';
import type { Tx } from '@rustok/db';
import { describeEachBackend, graphqlClient, tenantSuite } from '@rustok/testing';
import { expect, it } from 'vitest';
import { loadProductIndexSource, loadStockDisplay } from '../src/contracts.js';
import { commerceModule } from '../src/index.js';
import { announcePriceWindows } from '../src/prices/windows.js';
import type { ProductView } from '../src/schemas/catalog-views.js';
import { catalogEvents, expectProblem, ok, unique } from './catalog-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachBackend('commerce catalog: what the storefront index reads (variants, prices of the moment, stock, images)', (backend) => {
  const suite = tenantSuite(backend, [commerceModule], 'catalog-storefront', ['admin']);
  const { data, codes } = graphqlClient(() => suite.p);
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => suite.p.database.db.transaction(fn, { tenantId: suite.tenant.id });
  const source = (id: string) => inTenant((tx) => loadProductIndexSource(tx, id, 'en'));

  it('gives each variant its prices for one unit as resolved now, its stock and translated titles', async () => {
    const product = await ok<ProductView>(
      suite.call('POST', '/commerce/products', suite.user, {
        title: 'Sourced',
        images: ['https://img.example.com/a.jpg', { url: 'https://img.example.com/b.jpg', alt: 'B' }],
        variants: [
          {
            title: 'Tracked',
            sku: unique('SRC'),
            options: { size: 'S' },
            prices: [
              { amount: 900, currencyCode: 'USD' },
              { amount: 700, currencyCode: 'USD', minQuantity: 3 },
            ],
            inventory: 2,
            translations: { ru: { title: 'Учтённый' } },
          },
          { title: 'Untracked', manageInventory: false, prices: [{ amount: 1200, currencyCode: 'EUR' }] },
          { title: 'Backorder', allowBackorder: true, prices: [{ amount: 500, currencyCode: 'USD' }] },
        ],
      }),
      201,
    );
    const [tracked, untracked, backorder] = product.variants.map((v) => v.id);
    await ok(
      suite.call('POST', '/commerce/price-lists', suite.user, {
        name: 'Members',
        kind: 'override',
        prices: [{ variantId: tracked, amount: 100, currencyCode: 'USD' }],
      }),
      201,
    );
    await ok(
      suite.call('POST', '/commerce/price-lists', suite.user, {
        name: 'Past sale',
        kind: 'sale',
        startsAt: '2020-01-01T00:00:00Z',
        endsAt: '2020-02-01T00:00:00Z',
        prices: [{ variantId: tracked, amount: 200, currencyCode: 'USD' }],
      }),
      201,
    );
    const s = await source(product.id);
    expect(s?.images).toEqual([
      { url: 'https://img.example.com/a.jpg', alt: null },
      { url: 'https://img.example.com/b.jpg', alt: 'B' },
    ]);
    expect(s?.variants).toEqual([
      {
        id: tracked,
        title: 'Tracked',
        titles: [{ locale: 'ru', title: 'Учтённый' }],
        sku: expect.stringMatching(/^SRC-/),
        options: { size: 'S' },
        prices: [{ currencyCode: 'USD', amount: 900 }],
        manageInventory: true,
        allowBackorder: false,
        available: 2,
        inStock: true,
      },
      expect.objectContaining({ id: untracked, prices: [{ currencyCode: 'EUR', amount: 1200 }], available: 0, inStock: true }),
      expect.objectContaining({ id: backorder, available: 0, inStock: true }),
    ]);
    expect(s?.prices).toEqual([
      { currencyCode: 'EUR', min: 1200, max: 1200 },
      { currencyCode: 'USD', min: 500, max: 900 },
    ]);
    expect(s).toMatchObject({ totalStock: 2, hasStock: true });
    await ok(suite.call('PUT', `/commerce/inventory/${tracked}`, suite.user, { available: 0 }));
    expect((await source(product.id))?.variants[0]).toMatchObject({ available: 0, inStock: false });
  });

  it('announces a sale window when it opens, so read models re-read the product', async () => {
    const product = await ok<ProductView>(
      suite.call('POST', '/commerce/products', suite.user, {
        title: 'Windowed',
        variants: [{ title: 'Only', prices: [{ amount: 1000, currencyCode: 'USD' }] }],
      }),
      201,
    );
    const variantId = product.variants[0]?.id as string;
    const startsAt = new Date(Date.now() + 1_500);
    await ok(
      suite.call('POST', '/commerce/price-lists', suite.user, {
        name: 'Flash sale',
        kind: 'sale',
        startsAt: startsAt.toISOString(),
        prices: [{ variantId, amount: 800, currencyCode: 'USD' }],
      }),
      201,
    );
    const ctx = { db: suite.p.database.db, events: suite.p.bus, tenantId: suite.tenant.id, actor: systemActor };
    const before = (await source(product.id))?.version;
    expect((await source(product.id))?.variants[0]?.prices).toEqual([{ currencyCode: 'USD', amount: 1000 }]);
    expect(await announcePriceWindows(ctx)).toBe(0);
    await sleep(startsAt.getTime() - Date.now() + 50);
    // The minute job (the same function) may have got there first: either way, announced exactly once.
    expect(await announcePriceWindows(ctx)).toBeLessThanOrEqual(1);
    expect(await announcePriceWindows(ctx)).toBe(0);
    const after = await source(product.id);
    expect(after?.version).toBe((before ?? 0) + 1);
    expect(after?.variants[0]?.prices).toEqual([{ currencyCode: 'USD', amount: 800 }]);
    const events = (await catalogEvents(suite.p, suite.tenant.id, product.id)).map((e) => e.type);
    expect(events.slice(-2)).toEqual(['commerce.product.updated', 'commerce.price.updated']);
  });

  it('keeps images in order through REST and GraphQL, and takes only http(s) URLs', async () => {
    const created = await data<{ id: string; images: unknown[] }>(
      'createCommerceProduct',
      suite.user,
      `mutation { createCommerceProduct(input: { title: "Pictured", images: [{ url: "https://img.example.com/1.png", alt: "One" },
         { url: "http://img.example.com/2.png" }], variants: [{ title: "A" }] }) { id images { url alt } } }`,
    );
    expect(created.images).toEqual([
      { url: 'https://img.example.com/1.png', alt: 'One' },
      { url: 'http://img.example.com/2.png', alt: null },
    ]);
    const updated = await data<{ images: unknown[] }>(
      'updateCommerceProduct',
      suite.user,
      'mutation ($id: ID!) { updateCommerceProduct(id: $id, input: { images: [{ url: "https://img.example.com/3.png" }] }) { images { url alt } } }',
      { id: created.id },
    );
    expect(updated.images).toEqual([{ url: 'https://img.example.com/3.png', alt: null }]);
    expect((await ok<ProductView>(suite.call('GET', `/commerce/products/${created.id}`, suite.user))).images).toEqual(updated.images);
    for (const url of ['javascript:alert(1)', 'ftp://img.example.com/x.png', 'https://']) {
      expectProblem(await suite.call('PATCH', `/commerce/products/${created.id}`, suite.user, { images: [url] }), 422);
      expect(
        await codes(
          suite.user,
          'mutation ($id: ID!, $url: String!) { updateCommerceProduct(id: $id, input: { images: [{ url: $url }] }) { id } }',
          {
            id: created.id,
            url,
          },
        ),
        url,
      ).toEqual(['VALIDATION_FAILED']);
    }
  });

  it('hides stock counts from the public by default and takes exposeStock and lowStockThreshold as settings', async () => {
    const product = await ok<ProductView>(
      suite.call('POST', '/commerce/products', suite.user, {
        title: 'Counted',
        status: 'published',
        variants: [{ title: 'A', inventory: 7 }],
      }),
      201,
    );
    const visitor = { 'x-tenant-id': suite.tenant.id };
    const seen = async (headers: Record<string, string>) => ({
      one: (await ok<ProductView>(suite.call('GET', `/commerce/products/${product.id}`, headers))).variants.map((v) => v.available),
      listed: (await ok<{ items: ProductView[] }>(suite.call('GET', '/commerce/products?q=counted', headers))).items.flatMap((p) =>
        p.variants.map((v) => v.available),
      ),
      graphql: (
        await data<ProductView>('commerceProduct', headers, 'query ($id: ID!) { commerceProduct(id: $id) { variants { available } } }', {
          id: product.id,
        })
      ).variants.map((v) => v.available),
    });
    expect(await inTenant((tx) => loadStockDisplay(tx))).toEqual({ exposeStock: false, lowStockThreshold: 5 });
    expect(await seen(visitor)).toEqual({ one: [null], listed: [null], graphql: [null] });
    expect(await seen(suite.user)).toEqual({ one: [7], listed: [7], graphql: [7] });
    await ok(suite.call('PUT', '/modules/commerce', suite.user, { enabled: true, settings: { exposeStock: true, lowStockThreshold: 1 } }));
    expect(await inTenant((tx) => loadStockDisplay(tx))).toEqual({ exposeStock: true, lowStockThreshold: 1 });
    expect(await seen(visitor)).toEqual({ one: [7], listed: [7], graphql: [7] });
    expectProblem(await suite.call('PUT', '/modules/commerce', suite.user, { enabled: true, settings: { exposeStock: 'yes' } }), 422);
    expectProblem(await suite.call('PUT', '/modules/commerce', suite.user, { enabled: true, settings: { lowStockThreshold: -1 } }), 422);
    await ok(suite.call('PUT', '/modules/commerce', suite.user, { enabled: true, settings: {} }));
  });
});
