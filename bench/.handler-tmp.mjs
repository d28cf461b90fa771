import { openPostgres } from '@rustok/db';
import { refreshProducts } from '../modules/index/dist/apply/products-refresh.js';
const db = await openPostgres({ url: 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof', appRole: 'rustok_app', poolMax: 2 });
const T = '01a2013d-b7c7-cb0c-766a-5d2a913d8405';
const ids = (await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY id LIMIT 500'), { tenantId: T })).rows.map((r) => r.id);
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  await db.transaction(async (tx) => { for (const id of ids) await refreshProducts(tx, [id], { occurredAt: new Date().toISOString() }); }, { tenantId: T });
  console.log('per product', ((performance.now() - t) / ids.length).toFixed(2), 'ms');
}
await db.close();
