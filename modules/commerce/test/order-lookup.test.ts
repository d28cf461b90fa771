import { caller, createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { CheckoutResult, Order } from '../src/schemas/order.js';
import { expectProblem, ok, seedProduct, shopSuite } from './fixtures.js';

describeEachBackend('commerce guest order lookup', (backend) => {
  const s = shopSuite(backend, 'lookup-a');

  const placeOrder = async (): Promise<Order> => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ prices: { USD: 1000 }, stock: 5 }]);
    const cart = await s.shop.cart();
    await s.shop.add(cart.id, variantIds[0] ?? '', 1);
    return s.shop.order(cart.id);
  };

  it('finds an order by its number and e-mail address (any case) and answers a token that reads it', async () => {
    const order = await placeOrder();
    const found = await ok<CheckoutResult>(
      s.call('POST', '/store/orders/lookup', s.guest, { displayId: order.displayId, email: 'ANN@Example.com' }),
    );
    expect(found.order.id).toBe(order.id);
    expect(found.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const read = await ok<Order>(s.call('GET', `/store/orders/${order.id}`, { ...s.guest, 'x-order-token': found.orderToken }));
    expect(read.displayId).toBe(order.displayId);
  });

  it('answers 404 for another address, an unknown number, or the number in another tenant; 422 for a malformed body', async () => {
    const order = await placeOrder();
    expectProblem(
      await s.call('POST', '/store/orders/lookup', s.guest, { displayId: order.displayId, email: 'someone@example.com' }),
      404,
      'COMMERCE_ORDER_NOT_FOUND',
    );
    expectProblem(
      await s.call('POST', '/store/orders/lookup', s.guest, { displayId: 999_999, email: 'ann@example.com' }),
      404,
      'COMMERCE_ORDER_NOT_FOUND',
    );
    const other = await s.p.createTenant('lookup-b');
    expectProblem(
      await s.call('POST', '/store/orders/lookup', { 'x-tenant-id': other.id }, { displayId: order.displayId, email: 'ann@example.com' }),
      404,
    );
    expect((await s.call('POST', '/store/orders/lookup', s.guest, { displayId: 0, email: 'x' })).statusCode).toBe(422);
  });
});

describeEachBackend('commerce guest order lookup rate limit', (backend) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({
      backend,
      modules: [commerceModule],
      config: { settings: { rustok: { rate_limit: { enabled: true, requests_per_minute: 100, login_attempts_per_minute: 3 } } } },
    });
  });
  afterAll(() => p?.close());

  it('counts lookups like login attempts: the fourth in a minute is refused (429)', async () => {
    const tenant = await p.createTenant('lookup-limit');
    const call = caller(p);
    const body = { displayId: 1, email: 'nobody@example.com' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('POST', '/store/orders/lookup', { 'x-tenant-id': tenant.id }, body)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
