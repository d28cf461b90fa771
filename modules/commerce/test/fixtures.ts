import type { TenantRef } from '@rustok/kernel';
import {
  type Call,
  caller,
  createTestPlatform,
  type OutboxEvent,
  ok,
  outboxEvents,
  type TestBackend,
  type TestPlatform,
} from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { Cart, CartCreated } from '../src/schemas/cart.js';
import type { CheckoutResult, Order } from '../src/schemas/order.js';

export { type Call, caller, expectProblem, ok } from '@rustok/testing';

let counter = 0;
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`.toUpperCase();

export interface VariantSpec {
  readonly title?: string;
  /** Base prices by currency, e.g. { USD: 1000 }. */
  readonly prices?: Readonly<Record<string, number>>;
  readonly stock?: number;
  readonly manageInventory?: boolean;
  readonly allowBackorder?: boolean;
}

export interface SeededProduct {
  readonly productId: string;
  readonly variantIds: string[];
  readonly skus: string[];
}

/** A published product with these variants, prices and stock, created through the catalog's REST API. */
export const seedProduct = async (
  call: Call,
  admin: Record<string, string>,
  variants: readonly VariantSpec[],
  extra: Record<string, unknown> = {},
): Promise<SeededProduct> => {
  const skus = variants.map(() => unique('SKU'));
  const body = {
    title: unique('Product'),
    status: 'published',
    variants: variants.map((v, i) => ({
      title: v.title ?? `Variant ${i + 1}`,
      sku: skus[i],
      ...(v.manageInventory === undefined ? {} : { manageInventory: v.manageInventory }),
      ...(v.allowBackorder === undefined ? {} : { allowBackorder: v.allowBackorder }),
      prices: Object.entries(v.prices ?? { USD: 1000 }).map(([currencyCode, amount]) => ({ currencyCode, amount })),
      inventory: v.stock ?? 0,
    })),
    ...extra,
  };
  const product = await ok<{ id: string; variants: { id: string; sku: string }[] }>(call('POST', '/commerce/products', admin, body), 201);
  return { productId: product.id, variantIds: skus.map((sku) => product.variants.find((v) => v.sku === sku)?.id ?? ''), skus };
};

export const ADDRESS = { name: 'Ann Buyer', line1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };

/** Tokens the store answered (cart token by cart id, the latest order token by order id), for the helpers below. */
export const cartTokens = new Map<string, string>();
export const orderTokens = new Map<string, string>();

/** `headers` plus the cart's token (when the store answered one for it). */
export const withCart = (headers: Record<string, string>, cartId: string): Record<string, string> => {
  const token = cartTokens.get(cartId);
  return token ? { ...headers, 'x-cart-token': token } : headers;
};

/** Remembers the order token of a 201 checkout answer. */
const keepOrderToken = (res: LightMyRequestResponse): void => {
  if (res.statusCode !== 201) return;
  const answer = res.json<CheckoutResult>();
  orderTokens.set(answer.order.id, answer.orderToken);
};

/**
 * Store helpers for one tenant: `shopper` are the headers of a guest (tenant only) or a signed-in
 * customer. They send the cart's token with every cart call.
 */
export const store = (call: Call, shopper: Record<string, string>) => ({
  cart: async (currencyCode = 'USD', extra: Record<string, unknown> = {}) => {
    const { cart, cartToken } = await ok<CartCreated>(call('POST', '/store/carts', shopper, { currencyCode, ...extra }), 201);
    cartTokens.set(cart.id, cartToken);
    return cart;
  },
  add: (cartId: string, variantId: string, quantity = 1) =>
    ok<Cart>(call('POST', `/store/carts/${cartId}/items`, withCart(shopper, cartId), { variantId, quantity })),
  patch: (cartId: string, body: Record<string, unknown>) =>
    ok<Cart>(call('PATCH', `/store/carts/${cartId}`, withCart(shopper, cartId), body)),
  get: (cartId: string) => ok<Cart>(call('GET', `/store/carts/${cartId}`, withCart(shopper, cartId))),
  checkout: async (cartId: string, key?: string, body: Record<string, unknown> = {}) => {
    const res = await call(
      'POST',
      `/store/carts/${cartId}/checkout`,
      { ...withCart(shopper, cartId), ...(key ? { 'idempotency-key': key } : {}) },
      { email: 'ann@example.com', shippingAddress: ADDRESS, ...body },
    );
    keepOrderToken(res);
    return res;
  },
  order: async (cartId: string, key?: string): Promise<Order> =>
    (await ok<CheckoutResult>(store(call, shopper).checkout(cartId, key), 201)).order,
});

/** Available stock of a variant, read in the tenant's transaction. */
export const stockOf = async (p: TestPlatform, tenantId: string, variantId: string): Promise<number> =>
  p.database.db.transaction(
    async (tx) =>
      (await tx.query<{ available: number }>('SELECT available FROM commerce_inventory WHERE variant_id = $1', [variantId])).rows[0]
        ?.available ?? 0,
    { tenantId },
  );

/** Order, payment and stock events of a tenant in the outbox, oldest first, each checked against its declared schema. */
export const orderEvents = (p: TestPlatform, tenantId: string, orderId?: string): Promise<OutboxEvent[]> =>
  outboxEvents(
    p,
    tenantId,
    "type LIKE 'commerce.order.%' OR type LIKE 'commerce.payment.%' OR type = 'commerce.inventory.adjusted'",
    (payload) => orderId === undefined || payload.orderId === orderId,
  );

/** A platform with the commerce module, one tenant with its admin's headers, and a guest shopping in it. */
export interface ShopSuite {
  p: TestPlatform;
  tenant: TenantRef;
  admin: Record<string, string>;
  guest: Record<string, string>;
  call: Call;
  shop: ReturnType<typeof store>;
}

/** Opens the suite's shop before its tests and closes it after them: the fields are there once `beforeAll` has run. */
export const shopSuite = (backend: TestBackend, slug: string): ShopSuite => {
  const suite = {} as ShopSuite;
  beforeAll(async () => {
    const p = await createTestPlatform({ backend, modules: [commerceModule] });
    const call = caller(p);
    const tenant = await p.createTenant(slug);
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const guest = { 'x-tenant-id': tenant.id };
    Object.assign(suite, { p, tenant, admin, guest, call, shop: store(call, guest) });
  });
  afterAll(() => suite.p?.close());
  return suite;
};
