import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Call, caller, expectProblem, ok, seedProduct, store } from '../../../test/fixtures.js';
import { commerceModule } from '../../index.js';
import type { CommerceStats } from '../../schemas/stats.js';
import { statsWindows } from './commerce-stats.js';

describeEachBackend('commerce stats', (backend) => {
  let p: TestPlatform;
  let call: Call;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let variantId: string;

  const stats = (headers = admin, query = '') => call('GET', `/commerce/stats${query}`, headers);
  /** An order of one unit in `currency`, moved through `steps`, placed at `at` (written into the row). */
  const order = async (t: TenantRef, headers: Record<string, string>, v: string, currency: string, at: Date, ...steps: string[]) => {
    const shop = store(call, { 'x-tenant-id': t.id });
    const cart = await shop.cart(currency);
    await shop.add(cart.id, v, 1);
    const placed = await shop.order(cart.id);
    for (const to of steps) await ok(call('POST', `/commerce/orders/${placed.id}/transitions`, headers, { to }));
    await p.database.db.transaction((tx) => tx.query('UPDATE commerce_orders SET created_at = $2 WHERE id = $1', [placed.id, at]), {
      tenantId: t.id,
    });
    return placed;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    call = caller(p);
    tenant = await p.createTenant('stats-a');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    variantId = (await seedProduct(call, admin, [{ prices: { USD: 1500, EUR: 1200 }, stock: 1000 }])).variantIds[0] ?? '';
  });
  afterAll(() => p?.close());

  it('counts orders and paid revenue per currency in today (UTC) and the last 7 UTC days, edges included', async () => {
    const { today, last7Days } = statsWindows(new Date());
    const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
    await order(tenant, admin, variantId, 'USD', today, 'paid'); // today, paid
    await order(tenant, admin, variantId, 'USD', ms(today, 1000), 'paid', 'fulfilled', 'shipped', 'delivered'); // today, delivered
    await order(tenant, admin, variantId, 'USD', ms(today, 2000)); // today, pending: counted, no revenue
    await order(tenant, admin, variantId, 'EUR', ms(today, 3000), 'paid'); // today, EUR
    await order(tenant, admin, variantId, 'USD', ms(today, -1), 'paid'); // yesterday 23:59:59.999: 7 days only
    await order(tenant, admin, variantId, 'USD', last7Days, 'paid', 'refunded'); // first instant of the 7 days, refunded
    await order(tenant, admin, variantId, 'USD', ms(last7Days, 60_000), 'cancelled'); // cancelled
    await order(tenant, admin, variantId, 'USD', ms(last7Days, -1), 'paid'); // just before the 7 days: not counted
    // Another tenant's paid order today is not counted.
    const other = await p.createTenant('stats-b');
    const otherAdmin = (await p.userWithToken(other.id, ['admin'])).headers;
    const otherVariant = (await seedProduct(call, otherAdmin, [{ prices: { USD: 99_900 }, stock: 10 }])).variantIds[0] ?? '';
    await order(other, otherAdmin, otherVariant, 'USD', ms(today, 5000), 'paid');

    const body = await ok<CommerceStats>(stats());
    expect(body.orders).toEqual({
      today: {
        count: 4,
        revenue: [
          { currencyCode: 'EUR', amount: 1200 },
          { currencyCode: 'USD', amount: 3000 },
        ],
      },
      last7Days: {
        count: 7,
        revenue: [
          { currencyCode: 'EUR', amount: 1200 },
          { currencyCode: 'USD', amount: 4500 },
        ],
      },
    });
  });

  it('lists tracked variants at or below the threshold, lowest first, without archived products or untracked variants', async () => {
    const low = await seedProduct(call, admin, [{ stock: 3 }, { stock: 0 }, { stock: 6 }, { stock: 0, manageInventory: false }]);
    const five = await seedProduct(call, admin, [{ stock: 5 }]);
    const archived = await seedProduct(call, admin, [{ stock: 1 }]);
    await ok(call('POST', `/commerce/products/${archived.productId}/archive`, admin));
    const body = await ok<CommerceStats>(stats());
    expect(body.lowStock?.map((s) => [s.sku, s.available])).toEqual([
      [low.skus[1], 0],
      [low.skus[0], 3],
      [five.skus[0], 5],
    ]);
    expect(body.lowStock?.[0]).toMatchObject({ variantId: low.variantIds[1], productId: low.productId, variantTitle: 'Variant 2' });
    const three = await ok<CommerceStats>(stats(admin, '?lowStockThreshold=3'));
    expect(three.lowStock?.map((s) => s.sku)).toEqual([low.skus[1], low.skus[0]]);
    expectProblem(await stats(admin, '?lowStockThreshold=-1'), 422, 'VALIDATION_FAILED');
  });

  it('answers only the parts the caller may read: none for a customer (403), orders null without commerce.orders.read', async () => {
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    expectProblem(await stats(customer), 403, 'AUTH_FORBIDDEN');
    expect((await stats({ 'x-tenant-id': tenant.id })).statusCode).toBe(401);
    await ok(call('PUT', '/auth/roles/stock_keeper', admin, { permissions: ['commerce.products.read'] }));
    const keeper = (await p.userWithToken(tenant.id, ['stock_keeper'])).headers;
    const body = await ok<CommerceStats>(stats(keeper));
    expect(body.orders).toBeNull();
    expect(body.lowStock?.length).toBeGreaterThan(0);
  });
});
