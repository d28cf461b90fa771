import { createTestPlatform, describeEachBackend } from '@rustok/testing';
import { expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import { caller, seedProduct, store } from './fixtures.js';

describeEachBackend('profile', (backend) => {
  it('profiles checkout', async () => {
    if (backend.name !== 'postgres') return;
    const p = await createTestPlatform({ backend, modules: [commerceModule] });
    const call = caller(p);
    const tenant = await p.createTenant('prof');
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const shop = store(call, { 'x-tenant-id': tenant.id });
    const { variantIds } = await seedProduct(call, admin, [{ stock: 100000 }]);
    const carts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const c = await shop.cart();
      await shop.add(c.id, variantIds[0] ?? '');
      carts.push(c.id);
    }
    const db = p.database.db;
    const stats = new Map<string, number[]>();
    const orig = db.transaction.bind(db);
    (db as { transaction: typeof db.transaction }).transaction = (fn, opts) =>
      orig(async (tx) => {
        const q = tx.query.bind(tx);
        const wrapped = Object.create(tx);
        wrapped.query = async (text: string, params?: unknown[]) => {
          const t0 = performance.now();
          try {
            return await q(text, params as never);
          } finally {
            const k = text.replace(/\s+/g, ' ').slice(0, 60);
            stats.set(k, [...(stats.get(k) ?? []), performance.now() - t0]);
          }
        };
        return fn(wrapped);
      }, opts);
    const t0 = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < carts.length) {
        const id = carts[next++] as string;
        const r = await shop.checkout(id);
        expect(r.statusCode).toBe(201);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const secs = (performance.now() - t0) / 1000;
    console.log(`orders/s ${(carts.length / secs).toFixed(0)}`);
    for (const [k, v] of stats) {
      v.sort((a, b) => a - b);
      console.log(`${v.length}\tp50 ${v[Math.floor(v.length / 2)]?.toFixed(2)}\tp90 ${v[Math.floor(v.length * 0.9)]?.toFixed(2)}\t${k}`);
    }
    await p.close();
  }, 300_000);
});
