import { expect } from 'vitest';
import { createdInA, expectNoSecretsOfB, idsIn, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The commerce catalog: products with variants and prices, stock, price lists. */

interface CatalogObjects {
  /** A published product with one variant (priced in USD, 5 in stock), and an override price list pricing it. */
  readonly productId: string;
  readonly handle: string;
  readonly sku: string;
  readonly variantId: string;
  readonly priceListId: string;
}

const catalog = (side: Side): CatalogObjects => commerceCatalogArea.of(side);
const productOfB = { id: (w: World) => catalog(w.b).productId };
const variantOfB = { variantId: (w: World) => catalog(w.b).variantId };
const listOfB = { id: (w: World) => catalog(w.b).priceListId };
const PRODUCT = 'COMMERCE_PRODUCT_NOT_FOUND';
const VARIANT = 'COMMERCE_VARIANT_NOT_FOUND';
const LIST = 'COMMERCE_PRICE_LIST_NOT_FOUND';
const product = (w: World) => ({ id: catalog(w.b).productId });
const variant = (w: World) => ({ variantId: catalog(w.b).variantId });
const list = (w: World) => ({ id: catalog(w.b).priceListId });

/** B's product, variant and prices are as B left them (the suite's snapshot checks every row of B at the end). */
const bUnchanged = async (w: World): Promise<void> => {
  const res = await w.call('GET', `/api/v1/commerce/products/${catalog(w.b).productId}`, w.b.admin);
  expect(res.json()).toMatchObject({
    title: `Product ${w.b.tenant.slug}`,
    variants: [{ prices: [{ amount: 1000, currencyCode: 'USD' }] }],
  });
};

export const commerceCatalogArea: Area<CatalogObjects> = defineArea<CatalogObjects>({
  name: 'commerce-catalog',
  async setup({ side, call, created }) {
    const { slug } = side.tenant;
    const res = await call('POST', '/api/v1/commerce/products', side.admin, {
      title: `Product ${slug}`,
      status: 'published',
      variants: [{ title: 'Default', sku: `SKU-${slug}`, prices: [{ amount: 1000, currencyCode: 'USD' }], inventory: 5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; handle: string; variants: { id: string }[] }>();
    const variantId = body.variants[0]?.id ?? '';
    const priceListId = await created('/api/v1/commerce/price-lists', {
      name: `List ${slug}`,
      kind: 'override',
      prices: [{ variantId, amount: 900, currencyCode: 'USD' }],
    });
    return { productId: body.id, handle: body.handle, sku: `SKU-${slug}`, variantId, priceListId };
  },
  secretsOf: (o) => [o.productId, o.variantId, o.priceListId, o.sku],
  tablesWithData: ['commerce_products', 'commerce_variants', 'commerce_prices', 'commerce_inventory', 'commerce_price_lists'],
  routes: {
    'GET /api/v1/commerce/products': { kind: 'tenant', public: true },
    'POST /api/v1/commerce/products': {
      kind: 'tenant',
      // Handles and SKUs are unique per tenant: B's are free in A.
      body: (w) => ({ title: 'Product of A', handle: catalog(w.b).handle, variants: [{ title: 'v', sku: catalog(w.b).sku }] }),
      status: 201,
      after: async (w, res) => {
        const id = res.json<{ id: string }>().id;
        expect((await w.call('DELETE', `/api/v1/commerce/products/${id}`, w.a.admin)).statusCode).toBe(204);
      },
    },
    'GET /api/v1/commerce/products/{id}': refusedRoute(productOfB, PRODUCT, { public: true }),
    'PATCH /api/v1/commerce/products/{id}': refusedRoute(productOfB, PRODUCT, { body: () => ({ title: 'by A' }) }),
    'DELETE /api/v1/commerce/products/{id}': refusedRoute(productOfB, PRODUCT),
    'POST /api/v1/commerce/products/{id}/publish': refusedRoute(productOfB, PRODUCT),
    'POST /api/v1/commerce/products/{id}/archive': refusedRoute(productOfB, PRODUCT),
    'POST /api/v1/commerce/products/{id}/variants': refusedRoute(productOfB, PRODUCT, { body: () => ({ title: 'by A' }) }),
    'PATCH /api/v1/commerce/products/{id}/variants/{variantId}': refusedRoute({ ...productOfB, ...variantOfB }, PRODUCT, {
      body: () => ({ title: 'by A' }),
    }),
    'DELETE /api/v1/commerce/products/{id}/variants/{variantId}': refusedRoute({ ...productOfB, ...variantOfB }, PRODUCT, {
      after: bUnchanged,
    }),
    'PUT /api/v1/commerce/variants/{variantId}/prices': refusedRoute(variantOfB, VARIANT, {
      body: () => ({ prices: [] }),
      after: bUnchanged,
    }),
    'GET /api/v1/commerce/variants/{variantId}/price': refusedRoute(variantOfB, VARIANT, { public: true, query: () => 'currency=USD' }),
    'GET /api/v1/commerce/inventory/{variantId}': refusedRoute(variantOfB, VARIANT),
    'PUT /api/v1/commerce/inventory/{variantId}': refusedRoute(variantOfB, VARIANT, { body: () => ({ available: 1 }), after: bUnchanged }),
    'GET /api/v1/commerce/price-lists': { kind: 'tenant' },
    'POST /api/v1/commerce/price-lists': {
      kind: 'tenant',
      // A list of A pricing B's variant: B's variant is not there inside A's transaction.
      body: (w) => ({ name: 'A list', prices: [{ variantId: catalog(w.b).variantId, amount: 1, currencyCode: 'USD' }] }),
      status: 422,
      after: async (_w, res) => expect(JSON.stringify(res.json())).toContain('/prices/0/variantId'),
    },
    'GET /api/v1/commerce/price-lists/{id}': refusedRoute(listOfB, LIST),
    'PATCH /api/v1/commerce/price-lists/{id}': refusedRoute(listOfB, LIST, { body: () => ({ name: 'by A' }) }),
    'DELETE /api/v1/commerce/price-lists/{id}': refusedRoute(listOfB, LIST),
    'PUT /api/v1/commerce/price-lists/{id}/prices': refusedRoute(listOfB, LIST, { body: () => ({ prices: [] }) }),
  },
  graphql: {
    'Query.commerceProduct': refusedForB('query ($id: ID!) { commerceProduct(id: $id) { id title } }', product, PRODUCT),
    'Query.commerceProducts': pageListsOnlyA(
      'commerceProducts',
      '{ commerceProducts(first: 100) { items { id title } } }',
      (w) => catalog(w.a).productId,
    ),
    'Query.commerceInventory': refusedForB(
      'query ($variantId: ID!) { commerceInventory(variantId: $variantId) { available } }',
      variant,
      VARIANT,
    ),
    'Query.commerceVariantPrice': refusedForB(
      'query ($variantId: ID!) { commerceVariantPrice(variantId: $variantId, currency: "USD") { unitAmount } }',
      variant,
      VARIANT,
    ),
    'Query.commercePriceLists': pageListsOnlyA(
      'commercePriceLists',
      '{ commercePriceLists(first: 100) { items { id name } } }',
      (w) => catalog(w.a).priceListId,
    ),
    'Query.commercePriceList': refusedForB('query ($id: ID!) { commercePriceList(id: $id) { id name } }', list, LIST),
    'Mutation.createCommerceProduct': createdInA(
      'mutation { createCommerceProduct(input: { title: "Product of A over GraphQL" }) { id } }',
      {},
      'createCommerceProduct',
      'commerce_products',
    ),
    'Mutation.updateCommerceProduct': refusedForB(
      'mutation ($id: ID!) { updateCommerceProduct(id: $id, input: { title: "by A" }) { id } }',
      product,
      PRODUCT,
    ),
    'Mutation.publishCommerceProduct': refusedForB('mutation ($id: ID!) { publishCommerceProduct(id: $id) { id } }', product, PRODUCT),
    'Mutation.archiveCommerceProduct': refusedForB('mutation ($id: ID!) { archiveCommerceProduct(id: $id) { id } }', product, PRODUCT),
    'Mutation.deleteCommerceProduct': refusedForB('mutation ($id: ID!) { deleteCommerceProduct(id: $id) }', product, PRODUCT),
    'Mutation.addCommerceVariant': refusedForB(
      'mutation ($id: ID!) { addCommerceVariant(productId: $id, input: { title: "by A" }) { id } }',
      product,
      PRODUCT,
    ),
    'Mutation.updateCommerceVariant': refusedForB(
      'mutation ($id: ID!, $variantId: ID!) { updateCommerceVariant(productId: $id, variantId: $variantId, input: { title: "by A" }) { id } }',
      (w) => ({ ...product(w), ...variant(w) }),
      PRODUCT,
    ),
    'Mutation.deleteCommerceVariant': refusedForB(
      'mutation ($id: ID!, $variantId: ID!) { deleteCommerceVariant(productId: $id, variantId: $variantId) }',
      (w) => ({ ...product(w), ...variant(w) }),
      PRODUCT,
    ),
    'Mutation.setCommerceVariantPrices': refusedForB(
      'mutation ($variantId: ID!) { setCommerceVariantPrices(variantId: $variantId, prices: []) { id } }',
      variant,
      VARIANT,
    ),
    'Mutation.setCommerceInventory': async (w) => {
      await refusedForB(
        'mutation ($variantId: ID!) { setCommerceInventory(variantId: $variantId, available: 1) { available } }',
        variant,
        VARIANT,
      )(w);
      await bUnchanged(w);
    },
    'Mutation.createCommercePriceList': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation { createCommercePriceList(input: { name: "A list over GraphQL" }) { id } }');
      expect(reply.errors, reply.text).toBeUndefined();
      const id = (reply.data?.createCommercePriceList as { id: string } | undefined)?.id ?? '';
      expect(await idsIn(w, w.a.tenant.id, 'commerce_price_lists')).toContain(id);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.updateCommercePriceList': refusedForB(
      'mutation ($id: ID!) { updateCommercePriceList(id: $id, input: { name: "by A" }) { id } }',
      list,
      LIST,
    ),
    'Mutation.deleteCommercePriceList': refusedForB('mutation ($id: ID!) { deleteCommercePriceList(id: $id) }', list, LIST),
    'Mutation.setCommercePriceListPrices': refusedForB(
      'mutation ($id: ID!) { setCommercePriceListPrices(id: $id, prices: []) { id } }',
      list,
      LIST,
    ),
  },
});
