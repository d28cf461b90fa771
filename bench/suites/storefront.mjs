// Storefront suite: the read path over the index tables against a bare Fastify + pg route running the
// same single statement, on PostgreSQL, for one tenant with 2,000 products and for 100 tenants with
// 1,000 products each; then write → searchable latency at a steady write rate. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { openPostgres } from '@rustok/db';
import { APP_ROLE, fmtInt, loadAverage, log, probePostgres, requireIntegers, round, serverEnv, throwAwayDatabase } from '../lib.mjs';
import { cannon, httpJson, startBare, startServer, summary } from './storefront-http.mjs';
import { createTenants, handleOf, SEARCH_WORD, seedCatalog } from './storefront-seed.mjs';
import { measureWrites } from './storefront-writes.mjs';

const defaults = {
  scenarios: 'single,multi',
  products: 2_000,
  tenants: 100,
  productsPerTenant: 1_000,
  connections: 50,
  durationS: 15,
  warmupS: 3,
  poolMax: 10,
  writeRate: 200,
  writeDurationS: 10,
  readyTimeoutMs: 180_000,
};

const GRAPHQL_LIST =
  '{ storeProducts(first: 20) { items { id handle locale textLocale title subtitle prices { currencyCode min max } hasStock totalStock categories tags publishedAt } nextCursor match } }';

/** The routes measured, each with its bare twin (GraphQL is compared with the REST list). */
const targetsOf = (tenants, perTenant) => {
  const pick = () => tenants[Math.floor(Math.random() * tenants.length)];
  const vary = (path) => (req) => {
    const t = pick();
    return { ...req, path: path(t), headers: { ...req.headers, 'x-tenant-id': t.slug } };
  };
  const handle = () => handleOf(Math.floor(Math.random() * perTenant));
  return [
    { key: 'list', label: 'REST list-20-with-prices', setup: vary(() => '/api/v1/store/products?limit=20') },
    { key: 'bare-list', bare: true, label: 'bare list-20-with-prices', setup: vary((t) => `/list?t=${t.id}`) },
    { key: 'search', label: `REST search-20 (q=${SEARCH_WORD})`, setup: vary(() => `/api/v1/store/products?q=${SEARCH_WORD}&limit=20`) },
    {
      key: 'bare-search',
      bare: true,
      label: `bare search-20 (q=${SEARCH_WORD})`,
      setup: vary((t) => `/search?t=${t.id}&q=${SEARCH_WORD}`),
    },
    { key: 'handle', label: 'REST product-by-handle', setup: vary(() => `/api/v1/store/products/${handle()}`) },
    { key: 'bare-handle', bare: true, label: 'bare product-by-handle', setup: vary((t) => `/handle?t=${t.id}&h=${handle()}`) },
    {
      key: 'graphql',
      label: 'GraphQL storeProducts(first: 20)',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHQL_LIST }),
      setup: vary(() => '/graphql'),
    },
  ];
};

const measure = async ({ name, server, bare, targets, o, problems }) => {
  const results = {};
  for (const target of targets) {
    const base = target.bare ? bare.base : server.base;
    const first = target.setup({ path: '/', headers: target.headers ?? {} });
    const check = await httpJson(target.method ?? 'GET', `${base}${first.path}`, {
      headers: first.headers,
      body: target.body && JSON.parse(target.body),
    });
    if (check.status !== 200)
      throw new Error(`${name} ${target.label} answered ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`);
    log(`${name} ${target.key}: ${o.warmupS} s warm-up + -c ${o.connections} -d ${o.durationS}`);
    await cannon({ base, target, connections: o.connections, duration: o.warmupS });
    const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.durationS });
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) problems.push(`${name} ${target.key}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    results[target.key] = {
      label: target.label,
      requestsPerSecond: round(result.requests.total / result.duration, 0),
      ...summary(latencies),
      non2xx: result.non2xx,
    };
  }
  const ratio = (a, b) => round((results[a].requestsPerSecond / results[b].requestsPerSecond) * 100, 1);
  return {
    results,
    percentOfBare: { list: ratio('list', 'bare-list'), search: ratio('search', 'bare-search'), handle: ratio('handle', 'bare-handle') },
    graphqlPercentOfRest: ratio('graphql', 'list'),
  };
};

const ownerToken = async (base, password) => {
  const login = (tenant, email) =>
    httpJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } });
  const admin = await login('default', 'bench-admin@example.com');
  if (admin.status !== 200) throw new Error(`super_admin login answered ${admin.status}: ${JSON.stringify(admin.body)}`);
  const created = await httpJson('POST', `${base}/api/v1/platform/tenants`, {
    headers: { authorization: `Bearer ${admin.body.accessToken}` },
    body: { name: 'Shop', slug: 'shop', owner: { email: 'owner@shop.example.com', password } },
  });
  if (created.status !== 201) throw new Error(`POST /platform/tenants answered ${created.status}: ${JSON.stringify(created.body)}`);
  const owner = await login('shop', 'owner@shop.example.com');
  return { tenant: { id: created.body.tenant.id, slug: 'shop' }, token: owner.body.accessToken };
};

const runScenario = async ({ name, adminUrl, root, o, problems }) => {
  const single = name === 'single';
  const tmp = await throwAwayDatabase(adminUrl);
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: tmp.url,
    RUSTOK_ADMIN_EMAIL: 'bench-admin@example.com',
    RUSTOK_ADMIN_PASSWORD: password,
  };
  const server = await startServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
  const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, poolMax: 8 });
  let bare;
  try {
    const owner = single ? await ownerToken(server.base, password) : undefined;
    const tenants = single ? [owner.tenant] : await createTenants(db, 'shop', o.tenants);
    const perTenant = single ? o.products : o.productsPerTenant;
    const t0 = performance.now();
    await seedCatalog({ db, tenants, perTenant, log: (l) => log(`${name}: ${l}`) });
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    bare = await startBare({ root, url: tmp.url, poolMax: o.poolMax });
    const reads = await measure({ name, server, bare, targets: targetsOf(tenants, perTenant), o, problems });
    const writes = single
      ? await measureWrites({
          base: server.base,
          db,
          adminUrl: tmp.url,
          tenant: owner.tenant,
          token: owner.token,
          rate: o.writeRate,
          durationS: o.writeDurationS,
          problems,
        })
      : undefined;
    return {
      tenants: tenants.length,
      productsPerTenant: perTenant,
      products: tenants.length * perTenant,
      seedSeconds,
      ...reads,
      ...(writes ? { writes } : {}),
    };
  } finally {
    await bare?.stop();
    await server.stop();
    await db.close().catch(() => {});
    await tmp.dispose();
  }
};

const tablesOf = (scenarios, o, notes) => {
  const rows = [];
  for (const [name, s] of Object.entries(scenarios)) {
    for (const [key, r] of Object.entries(s.results)) {
      const vs =
        key === 'graphql' ? `${s.graphqlPercentOfRest}% of REST list` : key.startsWith('bare') ? null : `${s.percentOfBare[key]}% of bare`;
      rows.push([
        `${name} (${fmtInt(s.products)} products, ${s.tenants} tenant${s.tenants > 1 ? 's' : ''})`,
        r.label,
        fmtInt(r.requestsPerSecond),
        r.p50Ms,
        r.p99Ms,
        vs,
      ]);
    }
  }
  const tables = [
    {
      title: `storefront: autocannon -c ${o.connections} -d ${o.durationS} on PostgreSQL`,
      columns: ['catalog', 'route', 'req/s', 'p50 ms', 'p99 ms', 'vs'],
      rows,
      notes: [],
    },
  ];
  const w = scenarios.single?.writes;
  if (w) {
    tables.push({
      title: `storefront: write → searchable at ${o.writeRate} product writes/s (achieved ${w.achievedRate}/s, ${w.writes} writes)`,
      columns: ['measured as', 'count', 'p50 ms', 'p99 ms', 'max ms', 'target p99 ≤ 250 ms'],
      rows: [
        [
          'index row written − event occurredAt (every write)',
          w.database.count,
          w.database.p50Ms,
          w.database.p99Ms,
          w.database.maxMs,
          w.database.p99Ms <= 250 ? 'met' : 'missed',
        ],
        [
          'HTTP answer → found by /store/products?q= (every 10th, 5 ms polls)',
          w.http.count,
          w.http.p50Ms,
          w.http.p99Ms,
          w.http.maxMs,
          w.http.p99Ms <= 250 ? 'met' : 'missed',
        ],
      ],
      notes: [],
    });
  }
  tables.at(-1).notes.push(...notes);
  return tables;
};

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['products', 'tenants', 'productsPerTenant', 'connections', 'durationS', 'poolMax', 'writeRate', 'writeDurationS']);
  const wanted = String(o.scenarios).split(',');
  for (const s of wanted) if (!['single', 'multi'].includes(s)) throw new Error(`--scenarios: unknown "${s}" (single, multi)`);
  const loadAverageAtStart = loadAverage();
  const problems = [];
  const adminUrl = process.env.DATABASE_URL;
  const pgAvailable = await probePostgres(adminUrl);
  if (!pgAvailable.ok) {
    log(`postgres: skipped (${pgAvailable.reason})`);
    return {
      ok: true,
      skipped: [{ target: 'postgres', reason: pgAvailable.reason }],
      table: { title: 'storefront: skipped', columns: ['reason'], rows: [[pgAvailable.reason]] },
    };
  }
  const scenarios = {};
  for (const name of wanted) scenarios[name] = await runScenario({ name, adminUrl, root: o.root, o, problems });
  const notes = [
    'REST = the built server (RUSTOK_ENV=production, LOG_LEVEL=warn): tenant resolution by X-Tenant-ID slug, access check, one read-only tenant transaction (BEGIN, set_config, the statement, COMMIT), response schema',
    `bare = Fastify + pg in its own process, the same statement on the owner connection (pool ${o.poolMax}), no transaction, no tenant resolution, JSON.stringify`,
    'multi: every request picks a random tenant (and a random handle); targets: REST ≥ 60% of bare, GraphQL list ≥ 50% of REST list',
    `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores; autocannon runs in the bench process on the same cores`,
    ...problems.map((p) => `PROBLEM: ${p}`),
  ];
  return {
    ok: problems.length === 0,
    parameters: { ...o, root: undefined },
    postgresVersion: pgAvailable.version,
    loadAverageAtStart,
    scenarios,
    problems,
    tables: tablesOf(scenarios, o, notes),
  };
}
