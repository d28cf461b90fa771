import { describeEachBackend } from '@rustok/testing';
import { expect, it } from 'vitest';
import type { Cart } from '../src/schemas/cart.js';
import { expireCartsAllTenants } from '../src/use-cases/cart/expire-carts.js';
import { expectProblem, ok, seedProduct, shopSuite, store, withCart } from './fixtures.js';

describeEachBackend('commerce carts', (backend) => {
  const s = shopSuite(backend, 'carts-a');

  it('adds, merges, changes and removes lines, re-pricing the totals on the server each time', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [
      { prices: { USD: 1000, EUR: 900 }, stock: 50 },
      { prices: { USD: 250 }, stock: 50 },
    ]);
    const [a = '', b = ''] = variantIds;
    const cart = await s.shop.cart('USD', { email: 'guest@example.com' });
    expect(cart).toMatchObject({ status: 'open', currencyCode: 'USD', customerId: null, email: 'guest@example.com', items: [], total: 0 });
    await s.shop.add(cart.id, a, 1);
    const merged = await s.shop.add(cart.id, a, 2);
    expect(merged.items).toHaveLength(1);
    expect(merged.items[0]).toMatchObject({ variantId: a, quantity: 3, unitPrice: 1000, subtotal: 3000, total: 3000, problem: null });
    const two = await s.shop.add(cart.id, b, 4);
    expect(two).toMatchObject({ subtotal: 4000, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 4000 });
    const itemB = two.items.find((i) => i.variantId === b)?.id ?? '';
    const changed = await ok<Cart>(s.call('PATCH', `/store/carts/${cart.id}/items/${itemB}`, withCart(s.guest, cart.id), { quantity: 1 }));
    expect(changed.total).toBe(3250);
    const removed = await ok<Cart>(s.call('DELETE', `/store/carts/${cart.id}/items/${itemB}`, withCart(s.guest, cart.id)));
    expect(removed.items.map((i) => i.variantId)).toEqual([a]);
    expectProblem(
      await s.call('DELETE', `/store/carts/${cart.id}/items/${itemB}`, withCart(s.guest, cart.id)),
      404,
      'COMMERCE_CART_ITEM_NOT_FOUND',
    );
    expect(new Date(removed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3600_000);
  });

  it('applies tax by country, flat shipping and discount codes, refusing codes and options that do not apply', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ prices: { USD: 3333 }, stock: 50 }]);
    const nd = await seedProduct(s.call, s.admin, [{ prices: { USD: 1000 }, stock: 50 }], { discountable: false });
    await ok(s.call('POST', '/commerce/tax-rates', s.admin, { countryCode: 'DE', name: 'MwSt', rateBp: 1900 }), 201);
    const ship = await ok<{ id: string }>(
      s.call('POST', '/commerce/shipping-options', s.admin, { name: 'Std', currencyCode: 'USD', amount: 700 }),
      201,
    );
    const eur = await ok<{ id: string }>(
      s.call('POST', '/commerce/shipping-options', s.admin, { name: 'EU', currencyCode: 'EUR', amount: 500 }),
      201,
    );
    await ok(s.call('POST', '/commerce/discounts', s.admin, { code: 'TEN', kind: 'percentage', value: 1000 }), 201);
    await ok(s.call('POST', '/commerce/discounts', s.admin, { code: 'FIVEOFF', kind: 'fixed', value: 500, currencyCode: 'EUR' }), 201);
    await ok(
      s.call('POST', '/commerce/discounts', s.admin, { code: 'OLD', kind: 'percentage', value: 500, endsAt: '2020-01-01T00:00:00Z' }),
      201,
    );
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantIds[0] ?? '', 3);
    await s.shop.add(cart.id, nd.variantIds[0] ?? '', 1);
    const priced = await s.shop.patch(cart.id, { countryCode: 'DE', shippingOptionId: ship.id, discountCode: 'ten' });
    // discountable 9999 → 10 % = 1000 (rounded half up); tax 19 % of (9999 − 1000) and of 1000
    expect(priced).toMatchObject({
      discountCode: 'TEN',
      discountApplied: true,
      taxRateBp: 1900,
      shippingOption: { id: ship.id, amount: 700 },
    });
    expect(priced.items.map((i) => [i.subtotal, i.discountTotal, i.taxTotal, i.total])).toEqual([
      [9999, 1000, 1710, 10709],
      [1000, 0, 190, 1190],
    ]);
    expect(priced).toMatchObject({ subtotal: 10999, discountTotal: 1000, taxTotal: 1900, shippingTotal: 700, total: 12599 });
    expectProblem(
      await s.call('PATCH', `/store/carts/${cart.id}`, withCart(s.guest, cart.id), { discountCode: 'NOPE' }),
      422,
      'COMMERCE_DISCOUNT_INVALID',
    );
    expectProblem(
      await s.call('PATCH', `/store/carts/${cart.id}`, withCart(s.guest, cart.id), { discountCode: 'OLD' }),
      422,
      'COMMERCE_DISCOUNT_INVALID',
    );
    expectProblem(
      await s.call('PATCH', `/store/carts/${cart.id}`, withCart(s.guest, cart.id), { discountCode: 'FIVEOFF' }),
      422,
      'COMMERCE_DISCOUNT_INVALID',
    );
    expectProblem(
      await s.call('PATCH', `/store/carts/${cart.id}`, withCart(s.guest, cart.id), { shippingOptionId: eur.id }),
      422,
      'COMMERCE_SHIPPING_OPTION_INVALID',
    );
    const cleared = await s.shop.patch(cart.id, { discountCode: null, shippingOptionId: null, countryCode: null });
    expect(cleared).toMatchObject({ discountCode: null, shippingOption: null, taxRateBp: 0, total: 10999 });
    const options = await ok<{ items: { id: string }[] }>(s.call('GET', '/store/shipping-options?currencyCode=USD', s.guest));
    expect(options.items.map((o) => o.id)).toContain(ship.id);
    expect(options.items.map((o) => o.id)).not.toContain(eur.id);
  });

  it('refuses what cannot be sold: unknown variant, unpublished product, no price in the currency, short stock', async () => {
    const { productId, variantIds } = await seedProduct(s.call, s.admin, [{ prices: { EUR: 500 }, stock: 2 }]);
    const v = variantIds[0] ?? '';
    const usd = await s.shop.cart();
    expectProblem(
      await s.call('POST', `/store/carts/${usd.id}/items`, withCart(s.guest, usd.id), { variantId: v, quantity: 1 }),
      422,
      'COMMERCE_PRICE_MISSING',
    );
    const eur = await s.shop.cart('EUR');
    const short = await s.call('POST', `/store/carts/${eur.id}/items`, withCart(s.guest, eur.id), { variantId: v, quantity: 3 });
    expectProblem(short, 409, 'COMMERCE_INSUFFICIENT_STOCK');
    expect(short.json()).toMatchObject({ lines: [{ variantId: v, requested: 3, available: 2 }] });
    const unknown = '0190a0f0-0000-7000-8000-000000000001';
    expectProblem(
      await s.call('POST', `/store/carts/${eur.id}/items`, withCart(s.guest, eur.id), { variantId: unknown, quantity: 1 }),
      404,
      'COMMERCE_VARIANT_NOT_FOUND',
    );
    await ok(s.call('PATCH', `/commerce/products/${productId}`, s.admin, { status: 'draft' }));
    expectProblem(
      await s.call('POST', `/store/carts/${eur.id}/items`, withCart(s.guest, eur.id), { variantId: v, quantity: 1 }),
      422,
      'COMMERCE_PRODUCT_UNAVAILABLE',
    );
    expectProblem(await s.call('POST', '/store/carts', s.guest, { currencyCode: 'JPY' }), 422, 'COMMERCE_CURRENCY_UNSUPPORTED');
    expectProblem(
      await s.call('POST', `/store/carts/${eur.id}/items`, withCart(s.guest, eur.id), { variantId: v, quantity: 0 }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(await s.call('GET', `/store/carts/${unknown}`, s.guest), 404, 'COMMERCE_CART_NOT_FOUND');
  });

  it('records the signed-in customer on their cart and order; the order is theirs to read', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 5 }]);
    const customer = await s.p.userWithToken(s.tenant.id, ['customer']);
    const mine = store(s.call, customer.headers);
    const cart = await mine.cart();
    expect(cart.customerId).toBe(customer.userId);
    await mine.add(cart.id, variantIds[0] ?? '');
    const order = await mine.order(cart.id);
    expect(order.customerId).toBe(customer.userId);
    expect((await ok<{ id: string }>(s.call('GET', `/commerce/orders/${order.id}`, customer.headers))).id).toBe(order.id);
  });

  it('expires abandoned carts: refused changes and checkout, marked by the job, kept for reading', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 5 }]);
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantIds[0] ?? '');
    const fresh = await s.shop.cart();
    await s.p.database.db.transaction(
      (tx) => tx.query("UPDATE commerce_carts SET expires_at = now() - interval '1 minute' WHERE id = $1", [cart.id]),
      {
        tenantId: s.tenant.id,
      },
    );
    expect((await s.shop.get(cart.id)).status).toBe('expired');
    expectProblem(
      await s.call('POST', `/store/carts/${cart.id}/items`, withCart(s.guest, cart.id), { variantId: variantIds[0], quantity: 1 }),
      409,
      'COMMERCE_CART_EXPIRED',
    );
    expectProblem(await s.shop.checkout(cart.id), 409, 'COMMERCE_CART_EXPIRED');
    expect(await expireCartsAllTenants(s.p.database.db, s.p.bus)).toBeGreaterThanOrEqual(1);
    const rows = await s.p.database.db.transaction(
      async (tx) =>
        (
          await tx.query<{ id: string; status: string }>('SELECT id, status FROM commerce_carts WHERE id = ANY($1::uuid[])', [
            [cart.id, fresh.id],
          ])
        ).rows,
      { tenantId: s.tenant.id },
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [cart.id]: 'expired', [fresh.id]: 'open' });
  });

  it('offers the same cart operations over GraphQL, each with the cart token', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ prices: { USD: 1234 }, stock: 5 }]);
    type CartData = { id: string; total: number; items: { id: string; quantity: number }[] };
    const gql = async (query: string, variables: Record<string, unknown> = {}) =>
      (await s.p.app.inject({ method: 'POST', url: '/graphql', headers: s.guest, payload: { query, variables } })).json<{
        data?: Record<string, (CartData & { cart: CartData; cartToken: string }) | null>;
        errors?: { extensions: { code: string } }[];
      }>();
    const created = await gql('mutation { createCommerceCart(currencyCode: "USD") { cart { id total items { id } } cartToken } }');
    const id = created.data?.createCommerceCart?.cart.id;
    const token = created.data?.createCommerceCart?.cartToken;
    expect(id).toBeDefined();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const add =
      'mutation($c: ID!, $t: String, $v: ID!) { addCommerceCartItem(cartId: $c, cartToken: $t, variantId: $v, quantity: 2) { id total items { id quantity } } }';
    const added = await gql(add, { c: id, t: token, v: variantIds[0] });
    expect(added.data?.addCommerceCartItem).toMatchObject({ total: 2468, items: [{ quantity: 2 }] });
    const read = 'query($c: ID!, $t: String) { commerceCart(id: $c, cartToken: $t) { id total items { id quantity } } }';
    expect((await gql(read, { c: id, t: token })).data?.commerceCart?.total).toBe(2468);
    // The id alone, or with a token of another cart, is a missing cart.
    const other = await gql('mutation { createCommerceCart(currencyCode: "USD") { cartToken } }');
    for (const t of [undefined, other.data?.createCommerceCart?.cartToken]) {
      expect((await gql(read, { c: id, t })).errors?.[0]?.extensions.code).toBe('COMMERCE_CART_NOT_FOUND');
      expect((await gql(add, { c: id, t, v: variantIds[0] })).errors?.[0]?.extensions.code).toBe('COMMERCE_CART_NOT_FOUND');
    }
    const bad = await gql(
      'mutation($c: ID!, $t: String) { updateCommerceCart(cartId: $c, cartToken: $t, input: { discountCode: "NOPE" }) { id } }',
      { c: id, t: token },
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('COMMERCE_DISCOUNT_INVALID');
  });
});
