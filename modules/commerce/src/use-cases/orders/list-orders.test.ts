import { describeEachBackend } from '@rustok/testing';
import { beforeAll, expect, it } from 'vitest';
import { expectProblem, ok, seedProduct, shopSuite, store } from '../../../test/fixtures.js';
import type { Order, OrderSummary, Paged } from '../../schemas/order.js';

// The staff's order search: `q` is an order number or the beginning of the customer's e-mail address.
describeEachBackend('commerce order search', (backend) => {
  const s = shopSuite(backend, 'order-search');
  const placed: Order[] = [];

  const search = (q: string, extra = '') =>
    ok<Paged<OrderSummary>>(s.call('GET', `/commerce/orders?q=${encodeURIComponent(q)}${extra}`, s.admin));
  const numbers = async (q: string, extra = '') => (await search(q, extra)).items.map((o) => o.displayId);

  beforeAll(async () => {
    const { variantIds } = await seedProduct(s.call, s.admin, [{ prices: { USD: 1000 }, stock: 50 }]);
    for (const email of ['Grace.Hopper@Example.com', 'grace_h@example.org', 'alan@example.com']) {
      const cart = await s.shop.cart();
      await s.shop.add(cart.id, variantIds[0] ?? '', 1);
      placed.push((await ok<{ order: Order }>(s.shop.checkout(cart.id, undefined, { email }), 201)).order);
    }
  });

  const idOf = (i: number) => placed[i]?.displayId ?? 0;

  it('finds an order by its number, with or without #', async () => {
    expect(await numbers(`#${idOf(1)}`)).toEqual([idOf(1)]);
    expect(await numbers(String(idOf(2)))).toEqual([idOf(2)]);
    expect(await numbers('#999999')).toEqual([]);
  });

  it('finds orders by the beginning of the e-mail address, in any case, newest first', async () => {
    expect(await numbers('grace')).toEqual([idOf(1), idOf(0)]);
    expect(await numbers('GRACE.hopper@')).toEqual([idOf(0)]);
    expect(await numbers('  alan@example.com ')).toEqual([idOf(2)]);
    // Only the beginning: a part from the middle finds nothing (the search is an index range, not a scan).
    expect(await numbers('hopper')).toEqual([]);
  });

  it('takes LIKE wildcards literally', async () => {
    expect(await numbers('grace_')).toEqual([idOf(1)]);
    expect(await numbers('%')).toEqual([]);
    expect(await numbers('_')).toEqual([]);
  });

  it('combines with the status filter and pages with the cursor', async () => {
    await ok(s.call('POST', `/commerce/orders/${placed[0]?.id}/transitions`, s.admin, { to: 'paid' }));
    expect(await numbers('grace', '&status=paid')).toEqual([idOf(0)]);
    expect(await numbers('grace', '&status=pending')).toEqual([idOf(1)]);
    const first = await search('grace', '&limit=1');
    expect(first.items.map((o) => o.displayId)).toEqual([idOf(1)]);
    expect(await numbers('grace', `&limit=1&cursor=${first.nextCursor}`)).toEqual([idOf(0)]);
  });

  it('refuses an empty or blank search with 422', async () => {
    expectProblem(await s.call('GET', '/commerce/orders?q=', s.admin), 422, 'VALIDATION_FAILED');
    expectProblem(await s.call('GET', '/commerce/orders?q=%20%20', s.admin), 422, 'VALIDATION_FAILED');
  });

  it("searches only the tenant's own orders", async () => {
    const other = await s.p.createTenant('order-search-b');
    const staffOfB = (await s.p.userWithToken(other.id, ['admin'])).headers;
    const { variantIds } = await seedProduct(s.call, staffOfB, [{ prices: { USD: 1000 }, stock: 5 }]);
    const shopOfB = store(s.call, { 'x-tenant-id': other.id });
    const cart = await shopOfB.cart();
    await shopOfB.add(cart.id, variantIds[0] ?? '', 1);
    const ofB = (await ok<{ order: Order }>(shopOfB.checkout(cart.id, undefined, { email: 'grace@example.net' }), 201)).order;
    const found = await ok<Paged<OrderSummary>>(s.call('GET', '/commerce/orders?q=grace', staffOfB));
    expect(found.items.map((o) => o.id)).toEqual([ofB.id]);
    expect((await search('grace')).items.map((o) => o.id)).toEqual([placed[1]?.id, placed[0]?.id]);
  });
});
