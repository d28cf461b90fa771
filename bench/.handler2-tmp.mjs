import { openPostgres } from '@rustok/db';
import { loadProductIndexSource } from '@rustok/commerce';
import { projectProduct } from '../modules/index/dist/apply/products-project.js';
import { writeProductRows } from '../modules/index/dist/apply/products-store.js';
const db = await openPostgres({ url: 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof', appRole: 'rustok_app', poolMax: 2 });
const T = '01a2013d-b7c7-cb0c-766a-5d2a913d8405';
const ids = (await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY id LIMIT 500'), { tenantId: T })).rows.map((r) => r.id);
const t = { lock: 0, load: 0, write: 0, noop: 0 };
await db.transaction(async (tx) => {
  for (const id of ids) {
    let a = performance.now();
    await tx.query('SELECT 1');
    t.noop += performance.now() - a; a = performance.now();
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0)) AS locked, (SELECT settings FROM tenant_modules WHERE module = 'commerce') AS settings", [id]);
    t.lock += performance.now() - a; a = performance.now();
    const s = await loadProductIndexSource(tx, id, 'en');
    t.load += performance.now() - a; a = performance.now();
    await writeProductRows(tx, id, projectProduct(s, { defaultLocale: 'en', supportedLocales: ['en', 'ru'] }), { source: s.version, stock: s.stockVersion }, { occurredAt: null }, true);
    t.write += performance.now() - a;
  }
}, { tenantId: T });
for (const [k, v] of Object.entries(t)) console.log(k, (v / ids.length).toFixed(2), 'ms');
await db.close();
