import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { CheckoutResult } from '../src/schemas/order.js';
import { ADDRESS, type Call, caller, ok, seedProduct, stockOf, store, withCart } from './fixtures.js';

/** Runs `fn` over items, `limit` at a time. */
const inBatches = async <T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map((x, k) => fn(x, i + k)))));
  return out;
};

describeEachBackend('commerce checkout under concurrency', (backend) => {
  const big = backend.name === 'postgres';
  let p: TestPlatform;
  let second: TestPlatform | undefined;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let calls: Call[];
  let shop: ReturnType<typeof store>;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    // On PostgreSQL a second server instance on the same database doubles the connections racing for stock.
    second = big ? await createTestPlatform({ backend, modules: [commerceModule], shareDatabaseOf: p }) : undefined;
    calls = [caller(p), ...(second ? [caller(second)] : [])];
    tenant = await p.createTenant('race-a');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    shop = store(calls[0] as Call, { 'x-tenant-id': tenant.id });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await p?.close();
  });

  const checkoutAll = (cartIds: readonly string[]): Promise<LightMyRequestResponse[]> =>
    Promise.all(
      cartIds.map((id, i) =>
        (calls[i % calls.length] as Call)('POST', `/store/carts/${id}/checkout`, withCart({ 'x-tenant-id': tenant.id }, id), {
          email: 'race@example.com',
          shippingAddress: ADDRESS,
        }),
      ),
    );

  const reservedOf = async (orderIds: readonly string[]) =>
    p.database.db.transaction(
      async (tx) =>
        (
          await tx.query<{ order_id: string; variant_id: string; quantity: number }>(
            'SELECT order_id, variant_id, quantity FROM commerce_reservations WHERE order_id = ANY($1::uuid[])',
            [orderIds],
          )
        ).rows,
      { tenantId: tenant.id },
    );

  it(`never oversells: ${big ? 500 : 40} concurrent checkouts of 1 unit against ${big ? 10 : 5} in stock`, async () => {
    const [attempts, stock] = big ? [500, 10] : [40, 5];
    const { variantIds } = await seedProduct(calls[0] as Call, admin, [{ prices: { USD: 100 }, stock }]);
    const v = variantIds[0] ?? '';
    const carts = await inBatches(Array.from({ length: attempts }), 25, async () => {
      const cart = await shop.cart();
      await shop.add(cart.id, v, 1);
      return cart.id;
    });
    const answers = await checkoutAll(carts);
    const created = answers.filter((r) => r.statusCode === 201);
    const refused = answers.filter((r) => r.statusCode === 409);
    const others = answers.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).slice(0, 3);
    expect(others.map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(created).toHaveLength(stock);
    expect(refused).toHaveLength(attempts - stock);
    for (const r of refused) {
      expect(r.json()).toMatchObject({ code: 'COMMERCE_INSUFFICIENT_STOCK', lines: [{ variantId: v, requested: 1, available: 0 }] });
    }
    expect(await stockOf(p, tenant.id, v)).toBe(0);
    const orders = created.map((r) => r.json<CheckoutResult>().order);
    expect((await reservedOf(orders.map((o) => o.id))).length).toBe(stock);
    const displayIds = orders.map((o) => o.displayId).sort((a, b) => a - b);
    expect(new Set(displayIds).size).toBe(stock);
  }, 180_000);

  it('never deadlocks or oversells with mixed carts: every order has all its lines reserved or there is no order', async () => {
    const [attempts, perVariant, variants] = big ? [200, 12, 5] : [30, 4, 4];
    const { variantIds } = await seedProduct(
      calls[0] as Call,
      admin,
      Array.from({ length: variants }, () => ({ prices: { USD: 100 }, stock: perVariant })),
    );
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const carts = await inBatches(Array.from({ length: attempts }), 25, async () => {
      const cart = await shop.cart();
      const chosen = [...variantIds].sort(() => rnd(3) - 1).slice(0, 2 + rnd(variants - 1));
      for (const id of chosen) await shop.add(cart.id, id, 1 + rnd(2));
      return cart.id;
    });
    const answers = await checkoutAll(carts);
    for (const r of answers) {
      expect([201, 409], r.body).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json<{ code: string }>().code).toBe('COMMERCE_INSUFFICIENT_STOCK');
    }
    const orders = answers.filter((r) => r.statusCode === 201).map((r) => r.json<CheckoutResult>().order);
    expect(orders.length).toBeGreaterThan(0);
    const reserved = await reservedOf(orders.map((o) => o.id));
    for (const o of orders) {
      const mine = reserved.filter((x) => x.order_id === o.id);
      expect(mine.map((x) => [x.variant_id, x.quantity]).sort()).toEqual(o.lines.map((l) => [l.variantId, l.quantity]).sort());
    }
    for (const id of variantIds) {
      const sold = orders
        .flatMap((o) => o.lines)
        .filter((l) => l.variantId === id)
        .reduce((a, l) => a + l.quantity, 0);
      const left = await stockOf(p, tenant.id, id);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + sold).toBe(perVariant);
    }
  }, 180_000);

  it('keeps one order per cart when the same cart is checked out many times at once without a key', async () => {
    const { variantIds } = await seedProduct(calls[0] as Call, admin, [{ prices: { USD: 100 }, stock: 50 }]);
    const cart = await shop.cart();
    await shop.add(cart.id, variantIds[0] ?? '', 2);
    const answers = await checkoutAll(Array(big ? 30 : 8).fill(cart.id));
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 201)) expect(r.json()).toMatchObject({ code: 'COMMERCE_CART_COMPLETED' });
    expect(await stockOf(p, tenant.id, variantIds[0] ?? '')).toBe(48);
    await ok(Promise.resolve(answers.find((r) => r.statusCode === 201) as LightMyRequestResponse), 201);
  });

  it.each([
    ['price update', (v: string) => ['PUT', `/commerce/variants/${v}/prices`, { prices: [{ currencyCode: 'EUR', amount: 900 }] }] as const],
    ['stock update', (v: string) => ['PUT', `/commerce/inventory/${v}`, { available: 3 }] as const],
  ])(
    'answers a %s racing the deletion of its variant with 200 or 404, never 500',
    async (_name, write) => {
      const rounds = big ? 40 : 10;
      const statuses = new Set<number>();
      for (let round = 0; round < rounds; round++) {
        const { productId, variantIds } = await seedProduct(calls[0] as Call, admin, [{ prices: { USD: 100 } }, { prices: { USD: 200 } }]);
        const v = variantIds[1] ?? '';
        const [method, url, body] = write(v);
        const [update, removal] = await Promise.all([
          (calls[round % calls.length] as Call)(method, url, admin, body),
          (calls[(round + 1) % calls.length] as Call)('DELETE', `/commerce/products/${productId}/variants/${v}`, admin),
        ]);
        expect(removal.statusCode, removal.body).toBe(204);
        expect([200, 404], update.body).toContain(update.statusCode);
        if (update.statusCode === 404) expect(update.json()).toMatchObject({ code: 'COMMERCE_VARIANT_NOT_FOUND' });
        statuses.add(update.statusCode);
      }
      expect([...statuses].every((s) => s === 200 || s === 404)).toBe(true);
    },
    180_000,
  );
});
