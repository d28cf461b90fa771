import { describeEachBackend } from '@rustok/testing';
import { expect, it } from 'vitest';
import type { CheckoutResult, Order } from '../src/schemas/order.js';
import { ADDRESS, expectProblem, ok, orderEvents, seedProduct, shopSuite, stockOf, store, withCart } from './fixtures.js';

describeEachBackend('commerce checkout', (backend) => {
  const s = shopSuite(backend, 'checkout-a');

  it('turns a cart into an order: snapshots, reservations, sequential display ids and events in the outbox', async () => {
    const { productId, variantIds, skus } = await seedProduct(s.call, s.admin, [
      { prices: { USD: 1999 }, stock: 10 },
      { prices: { USD: 500 }, stock: 3 },
    ]);
    const [a = '', b = ''] = variantIds;
    await ok(s.call('POST', '/commerce/tax-rates', s.admin, { countryCode: 'US', name: 'US sales tax', rateBp: 1000 }), 201);
    const ship = await ok<{ id: string }>(
      s.call('POST', '/commerce/shipping-options', s.admin, { name: 'Flat', currencyCode: 'USD', amount: 495 }),
      201,
    );
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, a, 2);
    await s.shop.add(cart.id, b, 1);
    const priced = await s.shop.patch(cart.id, { shippingOptionId: ship.id, countryCode: 'US' });
    expect(priced).toMatchObject({ subtotal: 4498, taxTotal: 450, shippingTotal: 495, total: 5443 });
    const res = await s.shop.checkout(cart.id, undefined, { billingAddress: { ...ADDRESS, name: 'Bill Payer' } });
    expect(res.statusCode, res.body).toBe(201);
    const { order, orderToken } = res.json<CheckoutResult>();
    expect(orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(order).toMatchObject({
      status: 'pending',
      cartId: cart.id,
      email: 'ann@example.com',
      currencyCode: 'USD',
      subtotal: 4498,
      discountTotal: 0,
      taxTotal: 450,
      shippingTotal: 495,
      total: 5443,
      shippingOption: { id: ship.id, name: 'Flat', amount: 495 },
      shippingAddress: ADDRESS,
      billingAddress: { name: 'Bill Payer' },
      allowedTransitions: ['paid', 'cancelled'],
      history: [{ from: null, to: 'pending' }],
      payments: [],
    });
    expect(order.lines.map((l) => [l.sku, l.productId, l.quantity, l.unitPrice, l.subtotal, l.taxTotal, l.total])).toEqual([
      [skus[0], productId, 2, 1999, 3998, 400, 4398],
      [skus[1], productId, 1, 500, 500, 50, 550],
    ]);
    expect(await ok<Order>(s.call('GET', `/commerce/orders/${order.id}`, s.admin))).toEqual(order);
    expect([await stockOf(s.p, s.tenant.id, a), await stockOf(s.p, s.tenant.id, b)]).toEqual([8, 2]);
    expect((await s.shop.get(cart.id)).status).toBe('completed');
    const events = await orderEvents(s.p, s.tenant.id, order.id);
    expect(events.map((e) => [e.type, e.payload.reason ?? null, e.payload.delta ?? null])).toEqual([
      ['commerce.inventory.adjusted', 'reservation', -2],
      ['commerce.inventory.adjusted', 'reservation', -1],
      ['commerce.order.placed', null, null],
    ]);
    expect(events[2]?.payload).toMatchObject({ orderId: order.id, displayId: order.displayId, total: 5443, cartId: cart.id });
    const reservations = await s.p.database.db.transaction(
      async (tx) =>
        (
          await tx.query('SELECT variant_id, quantity, status FROM commerce_reservations WHERE order_id = $1 ORDER BY variant_id', [
            order.id,
          ])
        ).rows,
      { tenantId: s.tenant.id },
    );
    expect(reservations).toEqual([a, b].sort().map((v) => ({ variant_id: v, quantity: v === a ? 2 : 1, status: 'held' })));
  });

  it('numbers orders 1, 2, 3 … per tenant', async () => {
    const other = await s.p.createTenant('checkout-b');
    const otherAdmin = (await s.p.userWithToken(other.id, ['admin'])).headers;
    const otherShop = store(s.call, { 'x-tenant-id': other.id });
    const { variantIds } = await seedProduct(s.call, otherAdmin, [{ stock: 10 }]);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const cart = await otherShop.cart();
      await otherShop.add(cart.id, variantIds[0] ?? '');
      ids.push((await otherShop.order(cart.id)).displayId);
    }
    expect(ids).toEqual([1, 2, 3]);
    const list = await ok<{ items: { displayId: number }[] }>(s.call('GET', '/commerce/orders', otherAdmin));
    expect(list.items.map((o) => o.displayId)).toEqual([3, 2, 1]);
  });

  it('replays a checkout with the same Idempotency-Key: same order, no second reservation; another cart → 422', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 5 }]);
    const v = variantIds[0] ?? '';
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, v, 2);
    const first = await s.shop.checkout(cart.id, 'key-replay-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await s.shop.checkout(cart.id, 'key-replay-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [one, two] = [first.json<CheckoutResult>(), again.json<CheckoutResult>()];
    expect(two.order).toEqual(one.order);
    // The first answer's token was shown once and is not kept: the replay answers a new one; both read the order.
    expect(two.orderToken).not.toBe(one.orderToken);
    for (const token of [one.orderToken, two.orderToken]) {
      expect((await ok<Order>(s.call('GET', `/store/orders/${one.order.id}`, { ...s.guest, 'x-order-token': token }))).id).toBe(
        one.order.id,
      );
    }
    expect(await stockOf(s.p, s.tenant.id, v)).toBe(3);
    expect((await orderEvents(s.p, s.tenant.id, one.order.id)).filter((e) => e.type === 'commerce.order.placed')).toHaveLength(1);
    const other = await s.shop.cart();
    await s.shop.add(other.id, v, 1);
    expectProblem(await s.shop.checkout(other.id, 'key-replay-1'), 422, 'COMMERCE_IDEMPOTENCY_KEY_REUSED');
    const done = await s.shop.checkout(cart.id);
    expectProblem(done, 409, 'COMMERCE_CART_COMPLETED');
    expect(done.json()).toMatchObject({ orderId: one.order.id });
    expectProblem(await s.shop.checkout(cart.id, 'another-key'), 409, 'COMMERCE_CART_COMPLETED');
    expectProblem(
      await s.call('POST', `/store/carts/${cart.id}/items`, withCart(s.guest, cart.id), { variantId: v, quantity: 1 }),
      409,
      'COMMERCE_CART_COMPLETED',
    );
  });

  it('gives two concurrent checkouts with the same key one order', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 5 }]);
    const v = variantIds[0] ?? '';
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, v, 1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => s.shop.checkout(cart.id, 'key-concurrent')));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((r) => r.json<CheckoutResult>().order.id)).size).toBe(1);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await stockOf(s.p, s.tenant.id, v)).toBe(4);
  });

  it('returns the winner’s order to a concurrent duplicate that loses the unique race on the key', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 5 }]);
    const v = variantIds[0] ?? '';
    const carts = [await s.shop.cart(), await s.shop.cart()];
    for (const c of carts) await s.shop.add(c.id, v, 1);
    const answers = await Promise.all(carts.map((c) => s.shop.checkout(c.id, 'key-two-carts')));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 422]);
    expect(answers.find((r) => r.statusCode === 422)?.json()).toMatchObject({ code: 'COMMERCE_IDEMPOTENCY_KEY_REUSED' });
    expect(await stockOf(s.p, s.tenant.id, v)).toBe(4);
  });

  it('refuses short stock with 409 naming every short line, and keeps nothing of the attempt', async () => {
    const { variantIds, skus } = await seedProduct(s.call, s.admin, [{ stock: 2 }, { stock: 1 }, { stock: 10 }]);
    const [a = '', b = '', c = ''] = variantIds;
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, a, 2);
    await s.shop.add(cart.id, b, 1);
    await s.shop.add(cart.id, c, 3);
    await s.call('PUT', `/commerce/inventory/${a}`, s.admin, { available: 1 });
    await s.call('PUT', `/commerce/inventory/${b}`, s.admin, { available: 0 });
    const res = await s.shop.checkout(cart.id);
    expectProblem(res, 409, 'COMMERCE_INSUFFICIENT_STOCK');
    const lines = res.json<{ lines: { variantId: string; sku: string; requested: number; available: number }[] }>().lines;
    expect(lines.sort((x, y) => x.requested - y.requested)).toEqual([
      { variantId: b, sku: skus[1], requested: 1, available: 0 },
      { variantId: a, sku: skus[0], requested: 2, available: 1 },
    ]);
    expect([await stockOf(s.p, s.tenant.id, a), await stockOf(s.p, s.tenant.id, b), await stockOf(s.p, s.tenant.id, c)]).toEqual([
      1, 0, 10,
    ]);
    expect((await s.shop.get(cart.id)).status).toBe('open');
  });

  it('re-prices at checkout and refuses lines without a price or of an unpublished product', async () => {
    const { productId, variantIds } = await seedProduct(s.call, s.admin, [{ prices: { USD: 1000 }, stock: 5 }]);
    const v = variantIds[0] ?? '';
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, v, 1);
    await ok(s.call('PUT', `/commerce/variants/${v}/prices`, s.admin, { prices: [{ currencyCode: 'USD', amount: 1200 }] }));
    expect((await s.shop.get(cart.id)).total).toBe(1200);
    await ok(s.call('PUT', `/commerce/variants/${v}/prices`, s.admin, { prices: [{ currencyCode: 'EUR', amount: 900 }] }));
    expectProblem(await s.shop.checkout(cart.id), 422, 'COMMERCE_PRICE_MISSING');
    await ok(s.call('PUT', `/commerce/variants/${v}/prices`, s.admin, { prices: [{ currencyCode: 'USD', amount: 1100 }] }));
    await ok(s.call('PATCH', `/commerce/products/${productId}`, s.admin, { status: 'draft' }));
    const unavailable = await s.shop.checkout(cart.id);
    expectProblem(unavailable, 422, 'COMMERCE_PRODUCT_UNAVAILABLE');
    expect(unavailable.json()).toMatchObject({ variantIds: [v] });
    await ok(s.call('POST', `/commerce/products/${productId}/publish`, s.admin));
    expect((await s.shop.order(cart.id)).lines[0]?.unitPrice).toBe(1100);
  });

  it('lets backorderable variants go below zero and reserves nothing for variants without inventory', async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ stock: 1, allowBackorder: true }, { manageInventory: false }]);
    const [back = '', free = ''] = variantIds;
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, back, 3);
    await s.shop.add(cart.id, free, 7);
    const order = await s.shop.order(cart.id);
    expect(await stockOf(s.p, s.tenant.id, back)).toBe(-2);
    const reserved = (await orderEvents(s.p, s.tenant.id, order.id)).filter((e) => e.type === 'commerce.inventory.adjusted');
    expect(reserved.map((e) => [e.payload.variantId, e.payload.delta, e.payload.available])).toEqual([[back, -3, -2]]);
  });

  it('refuses bad input: empty cart, malformed address, unknown cart, bad key', async () => {
    const cart = await s.shop.cart();
    expectProblem(await s.shop.checkout(cart.id), 422, 'COMMERCE_CART_EMPTY');
    expectProblem(await s.shop.checkout(cart.id, undefined, { shippingAddress: { name: 'x' } }), 422, 'VALIDATION_FAILED');
    expectProblem(await s.shop.checkout(cart.id, undefined, { email: 'not-an-email' }), 422, 'VALIDATION_FAILED');
    expectProblem(await s.shop.checkout('0190a0f0-0000-7000-8000-000000000000'), 404, 'COMMERCE_CART_NOT_FOUND');
    expectProblem(await s.shop.checkout(cart.id, 'bad key with spaces'), 422, 'COMMERCE_IDEMPOTENCY_KEY_INVALID');
  });
});
