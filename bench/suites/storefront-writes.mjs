// Write → searchable latency of the storefront suite: product renames through the commerce API at a
// steady rate (open loop), each on a different product; measured (a) in the database as the index
// row's write time − the event's occurredAt, for every write, and (b) over HTTP for every 10th write
// as the time from the write's answer until GET /store/products?q=<new word> finds the product.
import { performance } from 'node:perf_hooks';
import { log, sleep, withAdmin } from '../lib.mjs';
import { httpJson, summary } from './storefront-http.mjs';

const waitDrained = async (db, timeoutMs) => {
  const started = Date.now();
  for (;;) {
    const { rows } = await db.query("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
    if (rows[0].n === 0) return true;
    if (Date.now() - started > timeoutMs) return false;
    await sleep(100);
  }
};

/** Polls the storefront search until the product shows up: ms from `from`, or null after 10 s. */
const probe = async (base, slug, word, id, from) => {
  while (performance.now() - from < 10_000) {
    const res = await httpJson('GET', `${base}/api/v1/store/products?q=${word}&limit=5`, { headers: { 'x-tenant-id': slug } });
    if (res.status === 200 && res.body.items.some((i) => i.id === id)) return performance.now() - from;
    await sleep(5);
  }
  return null;
};

export const measureWrites = async ({ base, db, adminUrl, tenant, token, rate, durationS, problems }) => {
  const { rows: products } = await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY random()'), {
    tenantId: tenant.id,
  });
  const total = Math.min(products.length, Math.round(rate * durationS));
  const { rows: mark } = await db.query('SELECT id FROM sys_events ORDER BY id DESC LIMIT 1');
  const since = mark[0]?.id ?? '00000000-0000-0000-0000-000000000000';
  log(`writes: ${total} product renames at ${rate}/s`);
  const pending = [];
  const probes = [];
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const word = `zq${i.toString(36)}x${Date.now().toString(36)}`;
    const id = products[i].id;
    pending.push(
      httpJson('PATCH', `${base}/api/v1/commerce/products/${id}`, {
        headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.slug },
        body: { title: `Renamed product ${word}` },
      }).then((res) => {
        if (res.status !== 200) failed++;
        else if (i % 10 === 0) probes.push(probe(base, tenant.slug, word, id, performance.now()));
      }),
    );
  }
  await Promise.all(pending);
  const achievedRate = total / ((performance.now() - t0) / 1000);
  const httpLatencies = (await Promise.all(probes)).filter((x) => x !== null);
  if (failed > 0) problems.push(`writes: ${failed} of ${total} PATCH /commerce/products answered non-200`);
  if (!(await waitDrained(db, 60_000))) problems.push('writes: the outbox did not drain within 60 s');
  const { rows } = await withAdmin(adminUrl, (c) =>
    c.query(
      `SELECT extract(epoch FROM (p.indexed_at - (e.envelope->>'occurredAt')::timestamptz)) * 1000 AS ms
         FROM sys_events e JOIN index_products p ON p.product_id = (e.envelope->'payload'->>'productId')::uuid AND p.locale = 'en'
        WHERE e.id > $1 AND e.type = 'commerce.product.updated'`,
      [since],
    ),
  );
  const dbLatencies = rows.map((r) => Number(r.ms));
  if (dbLatencies.length < total - failed) problems.push(`writes: ${dbLatencies.length} indexed of ${total - failed} written`);
  return { writes: total, failed, achievedRate: Math.round(achievedRate), database: summary(dbLatencies), http: summary(httpLatencies) };
};
