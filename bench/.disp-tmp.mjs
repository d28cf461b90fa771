import { openPostgres } from '@rustok/db';
import { createDispatcher } from '@rustok/events';
import { generateId } from '@rustok/kernel';
import pino from 'pino';
import { indexHandlers } from '../modules/index/dist/handlers.js';

const db = await openPostgres({ url: 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof', appRole: 'rustok_app', poolMax: 4 });
const T = '01a2013d-b7c7-cb0c-766a-5d2a913d8405';
const ids = (
  await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY random() LIMIT 1000'), { tenantId: T })
).rows.map((r) => r.id);
const handlers = indexHandlers.filter((h) => h.consumer === 'index.products').map((h) => ({ ...h, consumer: `index.bench_${Date.now()}` }));
const d = createDispatcher({ db, handlers, logger: pino({ level: 'warn' }) });
const env = (id) => ({
  id: generateId(),
  type: 'commerce.product.updated',
  schemaVersion: 1,
  tenantId: T,
  actorId: null,
  correlationId: generateId(),
  causationId: null,
  traceId: null,
  occurredAt: new Date().toISOString(),
  retryCount: 0,
  payload: { productId: id, handle: 'x', status: 'published', version: 2, changes: ['title'] },
});
const t = performance.now();
for (let i = 0; i < ids.length; i += 100) {
  const r = await d.deliver(ids.slice(i, i + 100).map(env));
  const bad = [...r.values()].filter((x) => !x.ok);
  if (bad.length) console.log('failed', bad[0]);
}
console.log('events/s', Math.round(ids.length / ((performance.now() - t) / 1000)));
await db.close();
