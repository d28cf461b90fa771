// Flex suite: entries written through the REST API over many tenants (a schema with filterable
// fields per tenant), then a schema's list filtered on a flagged field next to the same list
// unfiltered: latency one request at a time (the target: p99 ≤ 10 ms) and throughput at -c 50.
// PostgreSQL (a throw-away database) with the built server. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openPostgres } from '@rustok/db';
import { APP_ROLE, loadAverage, log, probePostgres, requireIntegers, serverEnv, sleep, throwAwayDatabase, withAdmin } from '../lib.mjs';
import { fmtInt, round } from '../stats.mjs';
import { cannon, httpJson, startServer, summary } from './storefront-http.mjs';
import { seedCatalog } from './storefront-seed.mjs';

const defaults = {
  tenants: 100,
  entriesPerTenant: 1_000,
  writeConcurrency: 16,
  connections: 50,
  durationS: 10,
  latencyS: 10,
  warmupS: 2,
  products: 2_000,
  readyTimeoutMs: 180_000,
};

const MATERIALS = ['cotton', 'linen', 'wool', 'silk', 'leather', 'denim', 'nylon', 'hemp'];
/** Fields attached to the first tenant's products: a filterable public material (its facet), a public and a staff note. */
const SPECS = {
  slug: 'specs',
  name: 'Specifications',
  target: 'product',
  fields: [
    { key: 'material', type: 'enum', choices: MATERIALS, filterable: true, access: 'public' },
    { key: 'care', type: 'text', access: 'public' },
    { key: 'supplier', type: 'text' },
  ],
};

const CITIES = Array.from({ length: 20 }, (_, i) => `city-${String(i).padStart(2, '0')}`);
const SCHEMA = {
  slug: 'store',
  name: 'Store location',
  fields: [
    { key: 'name', type: 'text', required: true, maxLength: 200, access: 'public' },
    { key: 'city', type: 'enum', choices: CITIES, filterable: true, access: 'public' },
    { key: 'rating', type: 'integer', min: 0, max: 5, filterable: true, access: 'public' },
    { key: 'tags', type: 'text', list: true, maxItems: 10, filterable: true, access: 'public' },
    { key: 'opening_hours', type: 'text', access: 'public' },
    { key: 'note', type: 'text' },
  ],
};

const valuesOf = (i) => ({
  name: `Store ${i}`,
  city: CITIES[i % CITIES.length],
  rating: i % 6,
  tags: [i % 2 === 0 ? 'parking' : 'no-parking', `zone-${i % 7}`],
  opening_hours: 'Mo-Fr 09:00-19:00',
  note: `internal note ${i}`,
});

const must = (res, status, what) => {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
};

/** Tenants made through the platform API, each with an owner signed in: [{ slug, headers }]. */
const makeTenants = async (base, password, count) => {
  // Each: { id, slug, headers } (the owner's token and the tenant header).
  const login = async (tenant, email) =>
    must(
      await httpJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } }),
      200,
      'login',
    );
  const admin = await login('default', 'bench-admin@example.com');
  const out = [];
  for (let i = 0; i < count; i++) {
    const slug = `flex-${String(i).padStart(3, '0')}`;
    const body = { name: slug, slug, owner: { email: `owner@${slug}.example.com`, password } };
    const headers = { authorization: `Bearer ${admin.accessToken}` };
    const created = must(await httpJson('POST', `${base}/api/v1/platform/tenants`, { headers, body }), 201, 'POST /platform/tenants');
    const owner = await login(slug, `owner@${slug}.example.com`);
    out.push({ id: created.tenant.id, slug, headers: { authorization: `Bearer ${owner.accessToken}`, 'x-tenant-id': slug } });
    if ((i + 1) % 20 === 0) log(`flex: ${i + 1}/${count} tenants`);
  }
  return out;
};

/** Every tenant's entries through POST /flex/schemas/store/entries, `concurrency` requests at a time. */
const writeEntries = async (base, tenants, perTenant, concurrency) => {
  const jobs = [];
  for (let i = 0; i < perTenant; i++) for (const t of tenants) jobs.push([t, i]);
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < jobs.length) {
      const [t, i] = jobs[next++];
      const started = performance.now();
      const res = await httpJson('POST', `${base}/api/v1/flex/schemas/store/entries`, {
        headers: t.headers,
        body: { values: valuesOf(i), status: 'published' },
      });
      must(res, 201, 'POST entry');
      latencies.push(performance.now() - started);
      if (latencies.length % 10_000 === 0) log(`flex: ${latencies.length}/${jobs.length} entries written`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { count: latencies.length, seconds: round(seconds, 1), perSecond: round(latencies.length / seconds, 0), ...summary(latencies) };
};

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const listPath = (filtered) =>
  filtered ? `/api/v1/flex/schemas/store/entries?limit=20&where.city=${pick(CITIES)}` : '/api/v1/flex/schemas/store/entries?limit=20';

/** One request at a time for `seconds` (a random tenant each, public reads): client-side latencies. */
const sequential = async (base, tenants, filtered, seconds) => {
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const res = await httpJson('GET', `${base}${listPath(filtered)}`, { headers: { 'x-tenant-id': pick(tenants).slug } });
    must(res, 200, 'GET entries');
    if (res.body.items.length === 0) throw new Error('an empty page: the filter found nothing');
    latencies.push(performance.now() - started);
  }
  return summary(latencies);
};

/** GETs of `path()` for a tenant `slug()` at -c `connections` for `durationS`, after `warmupS`: req/s and latencies. */
const loaded = async (base, path, slug, o) => {
  const target = { setup: (req) => ({ ...req, path: path(), headers: { ...req.headers, 'x-tenant-id': slug() } }) };
  await cannon({ base, target, connections: o.connections, duration: o.warmupS });
  const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.durationS });
  return { requestsPerSecond: round(result.requests.total / result.duration, 0), non2xx: result.non2xx, ...summary(latencies) };
};

const throughput = (base, tenants, filtered, o) =>
  loaded(
    base,
    () => listPath(filtered),
    () => pick(tenants).slug,
    o,
  );

/**
 * The first tenant's catalog (`--products`, written into the commerce tables and indexed as the
 * storefront suite does), then the `specs` fieldset set on every product through PUT
 * /flex/attached/product/{id}/specs, until the storefront list filters by it.
 */
const attachSpecs = async ({ base, url, tenant, products }) => {
  const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 4 });
  try {
    await seedCatalog({ db, tenants: [tenant], perTenant: products, log: (l) => log(`flex: ${l}`) });
    const { rows } = await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY id'), { tenantId: tenant.id });
    must(await httpJson('POST', `${base}/api/v1/flex/schemas`, { headers: tenant.headers, body: SPECS }), 201, 'POST specs schema');
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const n = next++;
        const values = { material: MATERIALS[n % MATERIALS.length], care: 'Wash at 30°', supplier: `supplier ${n % 13}` };
        const res = await httpJson('PUT', `${base}/api/v1/flex/attached/product/${rows[n].id}/specs`, {
          headers: tenant.headers,
          body: { values },
        });
        must(res, 200, 'PUT attached specs');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const expected = rows.filter((_, n) => n % MATERIALS.length === 0).length;
    for (let waited = 0; ; waited += 250) {
      const res = must(
        await httpJson('GET', `${base}/api/v1/store/products?limit=100&custom.specs.material=cotton`, {
          headers: { 'x-tenant-id': tenant.slug },
        }),
        200,
        'GET filtered products',
      );
      if (res.items.length >= Math.min(expected, 100)) break;
      if (waited > 120_000) throw new Error(`the index has ${res.items.length} of ${expected} cotton products after 120 s`);
      await sleep(250);
    }
  } finally {
    await db.close().catch(() => {});
  }
};

const PRODUCT_LISTS = {
  plain: '/api/v1/store/products?limit=20',
  facets: '/api/v1/store/products?limit=20&facets=true',
  filtered: () => `/api/v1/store/products?limit=20&facets=true&custom.specs.material=${pick(MATERIALS)}`,
};

/** The first tenant's storefront product lists at -c `connections`: plain, with facets (a flex facet among them), filtered by the flex field. */
const productLists = async (base, tenant, o) => {
  const out = {};
  for (const [key, path] of Object.entries(PRODUCT_LISTS)) {
    out[key] = await loaded(base, typeof path === 'function' ? path : () => path, () => tenant.slug, o);
  }
  return out;
};

export const run = async (options) => {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['tenants', 'entriesPerTenant', 'writeConcurrency', 'connections', 'durationS', 'latencyS', 'products']);
  const adminUrl = process.env.DATABASE_URL;
  const pg = await probePostgres(adminUrl);
  if (!pg.ok) throw new Error(`flex needs PostgreSQL (DATABASE_URL): ${pg.reason ?? 'not reachable'}`);
  const loadBefore = loadAverage();
  const tmp = await throwAwayDatabase(adminUrl);
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: tmp.url,
    RUSTOK_ADMIN_EMAIL: 'bench-admin@example.com',
    RUSTOK_ADMIN_PASSWORD: password,
    RUSTOK_SETTINGS__RUSTOK__FLEX__SCHEMA_CHANGES_PER_MINUTE: '1000',
    // Every tenant's owner signs in from this one address.
    RUSTOK_AUTH__IP_ATTEMPTS_PER_MINUTE: '100000',
  };
  const server = await startServer({ root: o.root, env, readyTimeoutMs: o.readyTimeoutMs });
  try {
    const tenants = await makeTenants(server.base, password, o.tenants);
    for (const t of tenants)
      must(await httpJson('POST', `${server.base}/api/v1/flex/schemas`, { headers: t.headers, body: SCHEMA }), 201, 'POST schema');
    log(`flex: writing ${o.tenants * o.entriesPerTenant} entries, ${o.writeConcurrency} at a time`);
    const writes = await writeEntries(server.base, tenants, o.entriesPerTenant, o.writeConcurrency);
    await withAdmin(tmp.url, (c) => c.query('VACUUM ANALYZE'));
    log('flex: lists, one request at a time');
    const latency = {
      filtered: await sequential(server.base, tenants, true, o.latencyS),
      plain: await sequential(server.base, tenants, false, o.latencyS),
    };
    log(`flex: lists at -c ${o.connections}`);
    const load = { filtered: await throughput(server.base, tenants, true, o), plain: await throughput(server.base, tenants, false, o) };
    log(`flex: ${o.products} products of ${tenants[0].slug} with the specs fieldset`);
    await attachSpecs({ base: server.base, url: tmp.url, tenant: tenants[0], products: o.products });
    await withAdmin(tmp.url, (c) => c.query('VACUUM ANALYZE'));
    const products = await productLists(server.base, tenants[0], o);
    return report({ o, writes, latency, load, products, loadBefore });
  } finally {
    await server.stop();
    await tmp.dispose();
  }
};

const pct = (a, b) => round((a.requestsPerSecond / b.requestsPerSecond) * 100, 1);

const report = ({ o, writes, latency, load, products, loadBefore }) => {
  const total = o.tenants * o.entriesPerTenant;
  const met = latency.filtered.p99Ms <= 10 ? 'met' : 'missed';
  const productRow = (label, r, target) => [
    label,
    fmtInt(r.requestsPerSecond),
    r.p50Ms,
    r.p99Ms,
    r === products.plain ? '-' : `${pct(r, products.plain)} %`,
    target,
  ];
  const facetTarget = pct(products.facets, products.plain) >= 60 ? 'met' : 'missed';
  return {
    database: 'postgres',
    tenants: o.tenants,
    entries: total,
    writes,
    latency,
    load,
    products,
    productPercentOfPlain: { facets: pct(products.facets, products.plain), filtered: pct(products.filtered, products.plain) },
    tables: [
      {
        title: `flex: ${fmtInt(total)} entries over ${o.tenants} tenants written through POST /api/v1/flex/schemas/store/entries, ${o.writeConcurrency} at a time`,
        columns: ['entries', 'seconds', 'entries/s', 'p50 ms', 'p99 ms'],
        rows: [[fmtInt(writes.count), writes.seconds, fmtInt(writes.perSecond), writes.p50Ms, writes.p99Ms]],
      },
      {
        title: 'flex: a schema’s entries, 20 a page, a random tenant each request (public read: published entries, public fields)',
        columns: ['list', 'one at a time p50 ms', 'p99 ms', `-c ${o.connections} req/s`, 'p50 ms', 'p99 ms', 'p99 ≤ 10 ms (one at a time)'],
        rows: [
          [
            'filtered: where.city=<one of 20> (flagged)',
            latency.filtered.p50Ms,
            latency.filtered.p99Ms,
            fmtInt(load.filtered.requestsPerSecond),
            load.filtered.p50Ms,
            load.filtered.p99Ms,
            met,
          ],
          [
            'unfiltered, newest first',
            latency.plain.p50Ms,
            latency.plain.p99Ms,
            fmtInt(load.plain.requestsPerSecond),
            load.plain.p50Ms,
            load.plain.p99Ms,
            '-',
          ],
        ],
        notes: [
          'the built server (RUSTOK_ENV=production, LOG_LEVEL=warn) on PostgreSQL; a filter reads flex_entry_keys (docs/adr/0010-flex-field-indexes.md)',
        ],
      },
      {
        title: `flex: storefront product lists of one tenant (${fmtInt(o.products)} products, each with the specs fieldset: a filterable public material of ${MATERIALS.length}), autocannon -c ${o.connections} -d ${o.durationS}`,
        columns: ['list', 'req/s', 'p50 ms', 'p99 ms', 'of the plain list', '≥ 60 %'],
        rows: [
          productRow('plain: GET /store/products?limit=20', products.plain, '-'),
          productRow('with facets (the flex facet among them): &facets=true', products.facets, facetTarget),
          productRow('filtered by the flex field, with facets: &custom.specs.material=<one of 8>', products.filtered, '-'),
        ],
        notes: [
          'facet counts are kept per tenant and filter until the tenant’s next index write (settings.rustok.index.facet_cache_ms, 10 s)',
          `load average at start ${loadBefore.join(' / ')}, after ${loadAverage().join(' / ')}; the client runs in the bench process on the same cores`,
        ],
      },
    ],
  };
};
