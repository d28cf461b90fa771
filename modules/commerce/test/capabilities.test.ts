import { createHash } from 'node:crypto';
import { describeEachBackend } from '@rustok/testing';
import { beforeAll, expect, it } from 'vitest';
import type { Cart, CartCreated } from '../src/schemas/cart.js';
import type { Order } from '../src/schemas/order.js';
import { ADDRESS, cartTokens, expectProblem, ok, orderTokens, seedProduct, shopSuite, store, withCart } from './fixtures.js';

/** Carts and orders as capabilities: a token (or the signed-in owner) reaches them, an id alone reaches nothing. */
describeEachBackend('commerce cart and order tokens', (backend) => {
  const s = shopSuite(backend, 'tokens-a');
  let variantId: string;

  beforeAll(async () => {
    variantId = (await seedProduct(s.call, s.admin, [{ prices: { USD: 700 }, stock: 100 }])).variantIds[0] ?? '';
  });

  /** Every store call of a cart, with these headers. */
  const cartCalls = (cart: Cart, headers: Record<string, string>) => {
    const item = cart.items[0]?.id ?? '0190a0f0-0000-7000-8000-000000000009';
    return [
      s.call('GET', `/store/carts/${cart.id}`, headers),
      s.call('PATCH', `/store/carts/${cart.id}`, headers, { email: 'x@example.com' }),
      s.call('POST', `/store/carts/${cart.id}/items`, headers, { variantId, quantity: 1 }),
      s.call('PATCH', `/store/carts/${cart.id}/items/${item}`, headers, { quantity: 2 }),
      s.call('DELETE', `/store/carts/${cart.id}/items/${item}`, headers),
      s.call('POST', `/store/carts/${cart.id}/checkout`, headers, { email: 'x@example.com', shippingAddress: ADDRESS }),
    ];
  };

  it('answers a cart token once, keeps only its hash, and refuses the id without it as a missing cart', async () => {
    const res = await s.call('POST', '/store/carts', s.guest, { currencyCode: 'USD' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { cart, cartToken } = res.json<CartCreated>();
    cartTokens.set(cart.id, cartToken);
    expect(cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const filled = await s.shop.add(cart.id, variantId);
    const stored = await s.p.database.db.transaction(
      async (tx) => (await tx.query('SELECT * FROM commerce_carts WHERE id = $1', [cart.id])).rows[0],
      {
        tenantId: s.tenant.id,
      },
    );
    expect(JSON.stringify(stored)).not.toContain(cartToken);
    expect(stored).toMatchObject({ token_hash: createHash('sha256').update(cartToken).digest('hex') });
    const other = await s.shop.cart();
    const wrong = [
      s.guest,
      withCart(s.guest, other.id),
      { ...s.guest, 'x-cart-token': `${cartToken.slice(0, -1)}${cartToken.endsWith('A') ? 'B' : 'A'}` },
    ];
    for (const headers of wrong) {
      for (const r of await Promise.all(cartCalls(filled, headers))) expectProblem(r, 404, 'COMMERCE_CART_NOT_FOUND');
    }
    // The same answer as for a cart that does not exist at all.
    expectProblem(await s.call('GET', '/store/carts/0190a0f0-0000-7000-8000-000000000001', s.guest), 404, 'COMMERCE_CART_NOT_FOUND');
    expectProblem(await s.call('GET', `/store/carts/${cart.id}`, { ...s.guest, 'x-cart-token': 'short' }), 422, 'VALIDATION_FAILED');
    expect(await s.shop.get(cart.id)).toMatchObject({ status: 'open', email: null, items: [{ quantity: 1 }] });
  });

  it("reaches a signed-in customer's cart without the token; other customers and the admin get 404", async () => {
    const ann = await s.p.userWithToken(s.tenant.id, ['customer']);
    const bob = await s.p.userWithToken(s.tenant.id, ['customer']);
    const cart = await store(s.call, ann.headers).cart();
    expect(cart.customerId).toBe(ann.userId);
    expect((await ok<Cart>(s.call('POST', `/store/carts/${cart.id}/items`, ann.headers, { variantId, quantity: 1 }))).items).toHaveLength(
      1,
    );
    for (const headers of [bob.headers, s.admin]) {
      expectProblem(await s.call('GET', `/store/carts/${cart.id}`, headers), 404, 'COMMERCE_CART_NOT_FOUND');
    }
    const placed = await s.call('POST', `/store/carts/${cart.id}/checkout`, ann.headers, {
      email: 'ann@example.com',
      shippingAddress: ADDRESS,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<{ order: Order }>().order.customerId).toBe(ann.userId);
  });

  it('lets a customer who signs in claim a guest cart with its token; the order is then theirs', async () => {
    const ann = await s.p.userWithToken(s.tenant.id, ['customer']);
    const bob = await s.p.userWithToken(s.tenant.id, ['customer']);
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantId, 2);
    expectProblem(await s.call('POST', `/store/carts/${cart.id}/claim`, withCart(s.guest, cart.id)), 401, 'AUTH_REQUIRED');
    expectProblem(await s.call('POST', `/store/carts/${cart.id}/claim`, ann.headers), 404, 'COMMERCE_CART_NOT_FOUND');
    const claimed = await ok<Cart>(s.call('POST', `/store/carts/${cart.id}/claim`, withCart(ann.headers, cart.id)));
    expect(claimed).toMatchObject({ customerId: ann.userId, items: [{ quantity: 2 }] });
    expect((await ok<Cart>(s.call('POST', `/store/carts/${cart.id}/claim`, withCart(ann.headers, cart.id)))).customerId).toBe(ann.userId);
    expect((await ok<Cart>(s.call('GET', `/store/carts/${cart.id}`, ann.headers))).id).toBe(cart.id);
    // On another device, without the token, the customer finds the cart in their list.
    type CartPage = { items: Cart[]; nextCursor: string | null };
    expect((await ok<CartPage>(s.call('GET', '/store/carts', ann.headers))).items.map((c) => c.id)).toEqual([cart.id]);
    expect(await ok<CartPage>(s.call('GET', '/store/carts', bob.headers))).toEqual({ items: [], nextCursor: null });
    expectProblem(await s.call('GET', '/store/carts', s.guest), 401, 'AUTH_REQUIRED');
    expectProblem(await s.call('POST', `/store/carts/${cart.id}/claim`, withCart(bob.headers, cart.id)), 409, 'COMMERCE_CART_CLAIMED');
    // The guest's token keeps working.
    expect((await s.shop.get(cart.id)).customerId).toBe(ann.userId);
    const order = await s.shop.order(cart.id);
    expect(order.customerId).toBe(ann.userId);
    const mine = await ok<{ items: { id: string }[] }>(s.call('GET', '/store/orders', ann.headers));
    expect(mine.items.map((o) => o.id)).toContain(order.id);
    expect((await ok<{ items: Cart[] }>(s.call('GET', '/store/carts', ann.headers))).items).toEqual([]);
    expectProblem(await s.call('POST', `/store/carts/${cart.id}/claim`, withCart(bob.headers, cart.id)), 409, 'COMMERCE_CART_COMPLETED');
  });

  it("lists a signed-in customer's open carts, newest first with keyset paging, without expired ones", async () => {
    const ann = await s.p.userWithToken(s.tenant.id, ['customer']);
    const annShop = store(s.call, ann.headers);
    const ids = [(await annShop.cart()).id, (await annShop.cart()).id, (await annShop.cart()).id];
    type CartPage = { items: Cart[]; nextCursor: string | null };
    const first = await ok<CartPage>(s.call('GET', '/store/carts?limit=2', ann.headers));
    expect(first.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const rest = await ok<CartPage>(s.call('GET', `/store/carts?limit=2&cursor=${first.nextCursor}`, ann.headers));
    expect(rest).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    await s.p.database.db.transaction(
      (tx) => tx.query("UPDATE commerce_carts SET expires_at = now() - interval '1 minute' WHERE id = $1", [ids[1]]),
      {
        tenantId: s.tenant.id,
      },
    );
    expect((await ok<CartPage>(s.call('GET', '/store/carts', ann.headers))).items.map((c) => c.id)).toEqual([ids[2], ids[0]]);
    expectProblem(await s.call('GET', '/store/carts?limit=21', ann.headers), 422, 'VALIDATION_FAILED');
  });

  it('reads an order by its token (and e-mail) for guests, or as its customer; anyone else gets 404', async () => {
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantId);
    const res = await s.shop.checkout(cart.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const order = res.json<{ order: Order }>().order;
    const token = orderTokens.get(order.id) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const withToken = { ...s.guest, 'x-order-token': token };
    expect(await ok<Order>(s.call('GET', `/store/orders/${order.id}`, withToken))).toEqual(order);
    expect((await ok<Order>(s.call('GET', `/store/orders/${order.id}?email=ANN%40example.com`, withToken))).id).toBe(order.id);
    expectProblem(await s.call('GET', `/store/orders/${order.id}?email=eve%40example.com`, withToken), 404, 'COMMERCE_ORDER_NOT_FOUND');
    const other = await s.shop.cart();
    await s.shop.add(other.id, variantId);
    const otherOrder = await s.shop.order(other.id);
    const customer = await s.p.userWithToken(s.tenant.id, ['customer']);
    const refused = [
      s.guest,
      { ...s.guest, 'x-order-token': orderTokens.get(otherOrder.id) ?? '' },
      customer.headers,
      s.admin,
      withCart(s.guest, cart.id),
    ];
    for (const headers of refused)
      expectProblem(await s.call('GET', `/store/orders/${order.id}`, headers), 404, 'COMMERCE_ORDER_NOT_FOUND');
    const stored = await s.p.database.db.transaction(
      async (tx) => (await tx.query('SELECT token_hash FROM commerce_order_tokens WHERE order_id = $1', [order.id])).rows,
      { tenantId: s.tenant.id },
    );
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
  });

  it("lists a signed-in customer's own orders, newest first, with keyset paging", async () => {
    const ann = await s.p.userWithToken(s.tenant.id, ['customer']);
    const annShop = store(s.call, ann.headers);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const cart = await annShop.cart();
      await annShop.add(cart.id, variantId);
      ids.push((await annShop.order(cart.id)).id);
    }
    const guestCart = await s.shop.cart();
    await s.shop.add(guestCart.id, variantId);
    await s.shop.order(guestCart.id);
    const first = await ok<{ items: { id: string }[]; nextCursor: string | null }>(s.call('GET', '/store/orders?limit=2', ann.headers));
    expect(first.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const rest = await ok<{ items: { id: string }[]; nextCursor: string | null }>(
      s.call('GET', `/store/orders?limit=2&cursor=${first.nextCursor}`, ann.headers),
    );
    expect(rest).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const bob = await s.p.userWithToken(s.tenant.id, ['customer']);
    expect(await ok(s.call('GET', '/store/orders', bob.headers))).toEqual({ items: [], nextCursor: null });
    expectProblem(await s.call('GET', '/store/orders', s.guest), 401, 'AUTH_REQUIRED');
    expectProblem(await s.call('GET', '/store/orders?cursor=nope', ann.headers), 422, 'VALIDATION_FAILED');
  });

  it('offers claim, checkout with an order token and the customer orders over GraphQL', async () => {
    const ann = await s.p.userWithToken(s.tenant.id, ['customer']);
    const gql = async (headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
      (await s.p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } })).json<{
        data?: Record<string, Record<string, unknown> | null>;
        errors?: { extensions: { code: string } }[];
      }>();
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantId);
    const t = cartTokens.get(cart.id);
    const claim = 'mutation($c: ID!, $t: String!) { claimCommerceCart(cartId: $c, cartToken: $t) { customerId } }';
    expect((await gql(s.guest, claim, { c: cart.id, t })).errors?.[0]?.extensions.code).toBe('AUTH_REQUIRED');
    expect((await gql(ann.headers, claim, { c: cart.id, t })).data?.claimCommerceCart).toEqual({ customerId: ann.userId });
    const carts = await gql(ann.headers, '{ commerceStoreCarts(first: 5) { items { id } nextCursor } }');
    expect(carts.data?.commerceStoreCarts).toEqual({ items: [{ id: cart.id }], nextCursor: null });
    const checkout = `mutation($c: ID!, $t: String, $i: CommerceCheckoutInput!) {
      checkoutCommerceCart(cartId: $c, cartToken: $t, input: $i) { order { id customerId } orderToken } }`;
    const input = { email: 'ann@example.com', shippingAddress: ADDRESS };
    expect((await gql(s.guest, checkout, { c: cart.id, i: input })).errors?.[0]?.extensions.code).toBe('COMMERCE_CART_NOT_FOUND');
    const placed = (await gql(s.guest, checkout, { c: cart.id, t, i: input })).data?.checkoutCommerceCart as {
      order: { id: string; customerId: string };
      orderToken: string;
    };
    expect(placed.order.customerId).toBe(ann.userId);
    const one = 'query($id: ID!, $t: String, $e: String) { commerceStoreOrder(id: $id, orderToken: $t, email: $e) { id } }';
    expect((await gql(s.guest, one, { id: placed.order.id, t: placed.orderToken })).data?.commerceStoreOrder).toEqual({
      id: placed.order.id,
    });
    expect((await gql(ann.headers, one, { id: placed.order.id })).data?.commerceStoreOrder).toEqual({ id: placed.order.id });
    const wrongEmail = await gql(s.guest, one, { id: placed.order.id, t: placed.orderToken, e: 'eve@example.com' });
    expect(wrongEmail.errors?.[0]?.extensions.code).toBe('COMMERCE_ORDER_NOT_FOUND');
    expect((await gql(s.guest, one, { id: placed.order.id })).errors?.[0]?.extensions.code).toBe('COMMERCE_ORDER_NOT_FOUND');
    const list = await gql(ann.headers, '{ commerceStoreOrders(first: 10) { items { id } nextCursor } }');
    expect(list.data?.commerceStoreOrders).toEqual({ items: [{ id: placed.order.id }], nextCursor: null });
  });
});
