import { txPublisher } from '@rustok/api';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { ProductView } from '../src/schemas/catalog-views.js';
import { seedCommerceDemo } from '../src/seed.js';
import { caller, catalogEvents, ok, unique } from './catalog-helpers.js';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

const PRODUCT_FIELDS = `id handle status version title locale
  translations { locale title }
  variants { id sku title available prices { amount currencyCode minQuantity } translations { locale title } }`;

describeEachBackend('commerce catalog: GraphQL and demo data', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let customer: Record<string, string>;
  const gql = async (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
    (await p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } })).json<Gql>();
  const data = async <T>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => {
    const res = await gql(headers, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data as T;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    tenant = await p.createTenant('catalog-gql');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
  });
  afterAll(() => p?.close());

  it('creates, prices, stocks, publishes, reads and deletes a product over GraphQL', async () => {
    const sku = unique('GQL');
    const input = {
      title: 'Через GraphQL',
      translations: [{ locale: 'en', title: 'Via GraphQL' }],
      variants: [
        {
          title: 'One',
          sku,
          inventory: 4,
          prices: [{ amount: 123_456_789_012, currencyCode: 'RUB' }],
          translations: [{ locale: 'ru', title: 'Один' }],
        },
      ],
    };
    const { createCommerceProduct: created } = await data<{ createCommerceProduct: ProductView }>(
      admin,
      `mutation ($input: CreateCommerceProductInput!) { createCommerceProduct(input: $input) { ${PRODUCT_FIELDS} } }`,
      { input },
    );
    expect(created).toMatchObject({ handle: 'cherez-graphql', status: 'draft', version: 1, title: 'Via GraphQL', locale: 'en' });
    expect(created.variants[0]).toMatchObject({
      sku,
      available: 4,
      prices: [{ amount: 123_456_789_012, currencyCode: 'RUB', minQuantity: 1 }],
    });
    const variantId = created.variants[0]?.id as string;
    const anonymous = { 'x-tenant-id': tenant.id };
    const hidden = await gql(anonymous, 'query ($id: ID!) { commerceProduct(id: $id) { id } }', { id: created.id });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('COMMERCE_PRODUCT_NOT_FOUND');
    await data(admin, 'mutation ($id: ID!, $p: [CommercePriceInput!]!) { setCommerceVariantPrices(variantId: $id, prices: $p) { id } }', {
      id: variantId,
      p: [{ amount: 990, currencyCode: 'USD' }],
    });
    const stock = await data<{ setCommerceInventory: { available: number; version: number } }>(
      admin,
      'mutation ($id: ID!) { setCommerceInventory(variantId: $id, available: 9) { available version } }',
      { id: variantId },
    );
    expect(stock.setCommerceInventory).toEqual({ available: 9, version: 3 });
    await data(admin, 'mutation ($id: ID!) { publishCommerceProduct(id: $id) { status } }', { id: created.id });
    const read = await data<{ commerceProduct: ProductView }>(
      anonymous,
      'query ($id: ID!) { commerceProduct(id: $id, locale: "ru") { title locale version variants { title prices { amount } } } }',
      { id: created.id },
    );
    expect(read.commerceProduct).toEqual({
      title: 'Via GraphQL',
      locale: 'en',
      version: 3,
      variants: [{ title: 'Один', prices: [{ amount: 990 }] }],
    });
    const quote = await data<{ commerceVariantPrice: { unitAmount: number; totalAmount: number } }>(
      anonymous,
      'query ($id: ID!) { commerceVariantPrice(variantId: $id, currency: "USD", quantity: 3) { unitAmount totalAmount } }',
      { id: variantId },
    );
    expect(quote.commerceVariantPrice).toEqual({ unitAmount: 990, totalAmount: 2970 });
    const refused = await gql(customer, 'mutation ($id: ID!) { deleteCommerceProduct(id: $id) }', { id: created.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('AUTH_FORBIDDEN');
    const invalid = await gql(
      admin,
      'mutation { createCommerceProduct(input: { title: "X", variants: [{ title: "A", prices: [{ amount: -5, currencyCode: "USD" }] }] }) { id } }',
    );
    expect(invalid.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const updated = await data<{ updateCommerceProduct: { version: number; translations: { locale: string }[] } }>(
      admin,
      'mutation ($id: ID!) { updateCommerceProduct(id: $id, input: { description: "New", removeTranslations: ["en"] }) { version translations { locale } } }',
      { id: created.id },
    );
    expect(updated.updateCommerceProduct).toEqual({ version: 4, translations: [] });
    expect(await data(admin, 'mutation ($id: ID!) { deleteCommerceProduct(id: $id) }', { id: created.id })).toEqual({
      deleteCommerceProduct: true,
    });
    const types = (await catalogEvents(p, tenant.id, created.id)).map((e) => e.type);
    expect(types).toContain('commerce.product.deleted');
  });

  it('manages price lists and variants over GraphQL', async () => {
    const call = caller(p);
    const product = await ok(
      call('POST', '/commerce/products', admin, {
        title: 'List target',
        variants: [{ title: 'A', prices: [{ amount: 100, currencyCode: 'EUR' }] }],
      }),
      201,
    );
    const variantId = product.variants[0]?.id as string;
    const { createCommercePriceList: list } = await data<{ createCommercePriceList: { id: string; prices: { amount: number }[] } }>(
      admin,
      'mutation ($p: [CommerceListPriceInput!]) { createCommercePriceList(input: { name: "VIP", kind: "override", prices: $p }) { id prices { amount } } }',
      { p: [{ variantId, amount: 80, currencyCode: 'EUR' }] },
    );
    expect(list.prices).toEqual([{ amount: 80 }]);
    const lists = await data<{ commercePriceLists: { items: { id: string }[] } }>(
      admin,
      '{ commercePriceLists(first: 10) { items { id } nextCursor } }',
    );
    expect(lists.commercePriceLists.items.map((l) => l.id)).toContain(list.id);
    const added = await data<{ addCommerceVariant: { id: string; position: number } }>(
      admin,
      'mutation ($id: ID!) { addCommerceVariant(productId: $id, input: { title: "B", options: { size: "L" } }) { id position } }',
      { id: product.id },
    );
    expect(added.addCommerceVariant.position).toBe(1);
    const listed = await data<{ commerceProducts: { items: { id: string }[] } }>(
      admin,
      '{ commerceProducts(filter: { q: "list target" }) { items { id } } }',
    );
    expect(listed.commerceProducts.items).toEqual([{ id: product.id }]);
    const publicList = await data<{ commerceProducts: { items: unknown[] } }>(
      { 'x-tenant-id': tenant.id },
      '{ commerceProducts(filter: { q: "list target" }) { items { id } } }',
    );
    expect(publicList.commerceProducts.items).toEqual([]);
  });

  it('seeds a published demo catalog with prices in USD, EUR and RUB, stock and Russian texts', async () => {
    const demo = await p.createTenant('catalog-demo');
    const seed = () =>
      p.database.db.transaction(
        (tx) =>
          seedCommerceDemo({ db: tx, tenantId: demo.id, logger: pino({ level: 'silent' }), ...txPublisher(p.bus, tx, demo.id, null) }),
        { tenantId: demo.id },
      );
    await seed();
    await seed();
    const call = caller(p);
    const list = await ok<{ items: ProductView[] }>(call('GET', '/commerce/products?locale=ru', { 'x-tenant-id': demo.id }));
    expect(list.items).toHaveLength(4);
    expect(list.items.every((i) => i.status === 'published')).toBe(true);
    const tee = list.items.find((i) => i.handle === 'classic-t-shirt');
    expect(tee).toMatchObject({ locale: 'ru', title: 'Классическая футболка' });
    expect(new Set(tee?.variants[0]?.prices.map((x) => x.currencyCode))).toEqual(new Set(['USD', 'EUR', 'RUB']));
    // The public sees no stock counts (the shop hides them by default); the stock is there.
    expect(tee?.variants[0]).toMatchObject({ title: 'Размер S', available: null });
    const stock = await p.database.db.transaction(
      (tx) => tx.query<{ available: number }>('SELECT available FROM commerce_inventory WHERE variant_id = $1', [tee?.variants[0]?.id]),
      { tenantId: demo.id },
    );
    expect(stock.rows[0]?.available).toBe(50);
  });
});
