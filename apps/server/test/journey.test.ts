import type { AddressInfo } from 'node:net';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * A shopper's whole journey, black box, over real HTTP against a listening server: search → the
 * product by handle → pick a variant → a cart (with its token) → add the item → checkout → the
 * order visible to its customer, once over REST and once over GraphQL. The shopper uses only the
 * storefront routes (`/store/*`, the GraphQL storefront operations) and the auth routes; the admin
 * only sets up the catalog. Another client that holds only the cart id gets 404 at every step.
 */

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
  json<T = Record<string, unknown>>(): T;
}

interface Money {
  readonly amount: number;
  readonly currencyCode: string;
}

interface Variant {
  readonly id: string;
  readonly title: string;
  readonly sku: string | null;
  readonly options: Record<string, string>;
  readonly prices: readonly Money[];
  readonly inStock: boolean;
}

interface ProductDetail {
  readonly id: string;
  readonly handle: string;
  readonly title: string;
  readonly variants: readonly Variant[];
}

const PASSWORD = 'a perfectly good password';
const ADDRESS = { name: 'Ann Shopper', line1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };

/**
 * Picks what to buy from the product detail (the by-handle answer): the size L variant that can be
 * bought now and has a price in the currency. The storefront does the same with its option picker.
 */
const pickVariant = (product: ProductDetail, size: string, currencyCode: string): { variant: Variant; price: number } => {
  const variant = product.variants.find((v) => v.options.size === size && v.inStock);
  const price = variant?.prices.find((p) => p.currencyCode === currencyCode)?.amount;
  if (!variant || price === undefined) throw new Error(`no buyable size ${size} in ${currencyCode}: ${JSON.stringify(product)}`);
  return { variant, price };
};

describeEachBackend('shopper journey over HTTP', (backend) => {
  let p: TestPlatform;
  let base: string;
  let tenant: TenantRef;
  let guest: Record<string, string>;
  let seq = 0;

  const http = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, json: <T>() => JSON.parse(text) as T };
  };

  const expectStatus = (res: Answer, status: number, code?: string): Answer => {
    expect(res.status, res.text).toBe(status);
    if (code) expect(res.json()).toMatchObject({ code });
    return res;
  };

  const gql = async <T = Record<string, unknown>>(headers: Record<string, string>, query: string, variables = {}) => {
    const res = await http('POST', '/graphql', headers, { query, variables });
    expect(res.headers.get('content-type'), res.text).toContain('application/json');
    return res.json<{ data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }>();
  };

  /** Polls until `probe` answers something; the index takes the product in through events. */
  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`${what}: not within 20 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  /** A new customer: registered and signed in through the auth routes. */
  const customer = async (): Promise<Record<string, string>> => {
    const email = `shopper${++seq}@example.com`;
    expectStatus(await http('POST', '/api/v1/auth/register', guest, { email, password: PASSWORD, name: 'Ann' }), 201);
    const login = expectStatus(await http('POST', '/api/v1/auth/login', guest, { email, password: PASSWORD }), 200);
    return { ...guest, authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
    tenant = await p.createTenant('journey');
    guest = { 'x-tenant-id': tenant.slug };
    // The catalog, set up by the shop's admin.
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const size = (title: string, s: string, amount: number, inventory: number) => ({
      title,
      sku: `LANTERN-${s}`,
      options: { size: s },
      prices: [{ amount, currencyCode: 'USD' }],
      inventory,
    });
    const product = {
      title: 'Harbour Lantern',
      status: 'published',
      variants: [size('Medium', 'M', 3900, 5), size('Large', 'L', 4900, 20)],
    };
    expectStatus(await http('POST', '/api/v1/commerce/products', admin, product), 201);
  }, 60_000);
  afterAll(() => p?.close());

  it('REST: search → product by handle → variant → cart with its token → checkout → the order for its customer; the cart id alone is 404', async () => {
    const hit = await eventually(async () => {
      const res = expectStatus(await http('GET', '/api/v1/store/products?q=lantern', guest), 200);
      return res.json<{ items: { handle: string; title: string }[] }>().items.find((i) => i.title === 'Harbour Lantern');
    }, 'the product in search');
    const product = expectStatus(await http('GET', `/api/v1/store/products/${hit.handle}`, guest), 200).json<ProductDetail>();
    const { variant, price } = pickVariant(product, 'L', 'USD');

    // A guest starts a cart and fills it with the cart token.
    const made = expectStatus(await http('POST', '/api/v1/store/carts', guest, { currencyCode: 'USD' }), 201);
    const { cart, cartToken } = made.json<{ cart: { id: string }; cartToken: string }>();
    const withCart = { ...guest, 'x-cart-token': cartToken };
    const filled = expectStatus(
      await http('POST', `/api/v1/store/carts/${cart.id}/items`, withCart, { variantId: variant.id, quantity: 2 }),
      200,
    );
    expect(filled.json()).toMatchObject({ items: [{ variantId: variant.id, quantity: 2, unitPrice: price }], total: 2 * price });

    // Another client that knows only the cart id reaches nothing.
    const idOnly = [
      await http('GET', `/api/v1/store/carts/${cart.id}`, guest),
      await http('POST', `/api/v1/store/carts/${cart.id}/items`, guest, { variantId: variant.id, quantity: 1 }),
      await http('PATCH', `/api/v1/store/carts/${cart.id}`, guest, { email: 'thief@example.com' }),
      await http('POST', `/api/v1/store/carts/${cart.id}/checkout`, guest, { email: 'thief@example.com', shippingAddress: ADDRESS }),
    ];
    for (const res of idOnly) expectStatus(res, 404, 'COMMERCE_CART_NOT_FOUND');

    // The shopper signs in, claims the cart and checks out.
    const ann = await customer();
    expectStatus(await http('POST', `/api/v1/store/carts/${cart.id}/claim`, { ...ann, 'x-cart-token': cartToken }), 200);
    const placed = expectStatus(
      await http(
        'POST',
        `/api/v1/store/carts/${cart.id}/checkout`,
        { ...ann, 'x-cart-token': cartToken, 'idempotency-key': `journey-${cart.id}` },
        {
          email: 'ann@example.com',
          shippingAddress: ADDRESS,
        },
      ),
      201,
    ).json<{ order: { id: string; total: number; lines: { variantId: string; quantity: number }[] }; orderToken: string }>();
    expect(placed.order).toMatchObject({ total: 2 * price, lines: [{ variantId: variant.id, quantity: 2 }] });

    // The customer sees the order in their list and by id; a guest with the order token (and e-mail) too.
    const mine = expectStatus(await http('GET', '/api/v1/store/orders', ann), 200).json<{ items: { id: string }[] }>();
    expect(mine.items.map((o) => o.id)).toEqual([placed.order.id]);
    expectStatus(await http('GET', `/api/v1/store/orders/${placed.order.id}`, ann), 200);
    const byToken = await http('GET', `/api/v1/store/orders/${placed.order.id}?email=ann%40example.com`, {
      ...guest,
      'x-order-token': placed.orderToken,
    });
    expect(expectStatus(byToken, 200).json()).toMatchObject({ id: placed.order.id, total: 2 * price });
    expectStatus(await http('GET', `/api/v1/store/orders/${placed.order.id}`, guest), 404, 'COMMERCE_ORDER_NOT_FOUND');
    expectStatus(await http('GET', `/api/v1/store/orders/${placed.order.id}`, await customer()), 404, 'COMMERCE_ORDER_NOT_FOUND');
    expectStatus(await http('GET', `/api/v1/store/carts/${cart.id}`, guest), 404, 'COMMERCE_CART_NOT_FOUND');
  }, 60_000);

  it('GraphQL: storeProducts → storeProduct → variant → cart with its token → checkout → the order for its customer; the cart id alone is not found', async () => {
    type Search = { storeProducts: { items: { handle: string; title: string }[] } };
    const hit = await eventually(async () => {
      const reply = await gql<Search>(guest, '{ storeProducts(q: "lantern") { items { handle title } } }');
      expect(reply.errors).toBeUndefined();
      return reply.data?.storeProducts.items.find((i) => i.title === 'Harbour Lantern');
    }, 'the product in search');
    const detail = await gql<{ storeProduct: ProductDetail }>(
      guest,
      'query ($h: String!) { storeProduct(handle: $h) { id handle title variants { id title sku options prices { amount currencyCode } inStock } } }',
      { h: hit.handle },
    );
    expect(detail.errors).toBeUndefined();
    const { variant, price } = pickVariant(detail.data?.storeProduct as ProductDetail, 'L', 'USD');

    type Created = { createCommerceCart: { cart: { id: string }; cartToken: string } };
    const created = (await gql<Created>(guest, 'mutation { createCommerceCart(currencyCode: "USD") { cart { id } cartToken } }')).data;
    const cartId = created?.createCommerceCart.cart.id ?? '';
    const cartToken = created?.createCommerceCart.cartToken ?? '';
    const add = `mutation ($c: ID!, $t: String, $v: ID!) {
      addCommerceCartItem(cartId: $c, cartToken: $t, variantId: $v, quantity: 2) { items { variantId quantity unitPrice } total } }`;
    const added = await gql(guest, add, { c: cartId, t: cartToken, v: variant.id });
    expect(added.data?.addCommerceCartItem).toMatchObject({
      items: [{ variantId: variant.id, quantity: 2, unitPrice: price }],
      total: 2 * price,
    });

    // Another client that knows only the cart id reaches nothing.
    const read = 'query ($c: ID!, $t: String) { commerceCart(id: $c, cartToken: $t) { id total } }';
    const checkout = `mutation ($c: ID!, $t: String, $i: CommerceCheckoutInput!) {
      checkoutCommerceCart(cartId: $c, cartToken: $t, input: $i) { order { id total lines { variantId quantity } } orderToken } }`;
    const input = { email: 'bea@example.com', shippingAddress: ADDRESS };
    for (const reply of [
      await gql(guest, read, { c: cartId }),
      await gql(guest, add, { c: cartId, v: variant.id }),
      await gql(guest, checkout, { c: cartId, i: input }),
    ]) {
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['COMMERCE_CART_NOT_FOUND']);
    }

    // The shopper signs in (auth route), claims the cart and checks out.
    const bea = await customer();
    const claim = 'mutation ($c: ID!, $t: String!) { claimCommerceCart(cartId: $c, cartToken: $t) { id customerId } }';
    expect((await gql(bea, claim, { c: cartId, t: cartToken })).errors).toBeUndefined();
    type Placed = { checkoutCommerceCart: { order: { id: string; total: number; lines: { variantId: string }[] }; orderToken: string } };
    const placed = (await gql<Placed>(bea, checkout, { c: cartId, t: cartToken, i: input })).data?.checkoutCommerceCart;
    expect(placed?.order).toMatchObject({ total: 2 * price, lines: [{ variantId: variant.id }] });
    const orderId = placed?.order.id ?? '';

    const mine = await gql<{ commerceStoreOrders: { items: { id: string }[] } }>(
      bea,
      '{ commerceStoreOrders(first: 10) { items { id } } }',
    );
    expect(mine.data?.commerceStoreOrders.items.map((o) => o.id)).toEqual([orderId]);
    const one = 'query ($id: ID!, $t: String, $e: String) { commerceStoreOrder(id: $id, orderToken: $t, email: $e) { id total } }';
    expect((await gql(guest, one, { id: orderId, t: placed?.orderToken, e: 'bea@example.com' })).data?.commerceStoreOrder).toEqual({
      id: orderId,
      total: 2 * price,
    });
    expect((await gql(bea, one, { id: orderId })).data?.commerceStoreOrder).toEqual({ id: orderId, total: 2 * price });
    const stranger = await customer();
    for (const reply of [await gql(guest, one, { id: orderId }), await gql(stranger, one, { id: orderId })]) {
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['COMMERCE_ORDER_NOT_FOUND']);
    }
  }, 60_000);
});
