// Storefront suite: the read path over the index tables against a bare Fastify + pg route running the
// same single statement, on PostgreSQL, for one tenant with 2,000 products and for 100 tenants with
// 1,000 products each; then write → searchable latency at a steady write rate. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { openPostgres } from '@rustok/db';
import { APP_ROLE, loadAverage, log, probePostgres, requireIntegers, round, serverEnv, throwAwayDatabase, withAdmin } from '../lib.mjs';
import { ownerToken } from './bench-shop.mjs';
import { loadCeilingTable } from './storefront-ceiling.mjs';
import { runEmbedded } from './storefront-embedded.mjs';
import { cannon, httpJson, startBare, startCeiling, startServer, summary } from './storefront-http.mjs';
import { tablesOf } from './storefront-report.mjs';
import { createTenants, handleOf, SEARCH_WORD, seedCatalog } from './storefront-seed.mjs';
import { measureWrites, WRITE_POLL_MS, WRITE_PROBES } from './storefront-writes.mjs';

const defaults = {
  scenarios: 'single,multi,embedded',
  routes: 'list,search,handle',
  products: 2_000,
  tenants: 100,
  productsPerTenant: 1_000,
  connections: 50,
  durationS: 15,
  rounds: 3,
  warmupS: 3,
  poolMax: 10,
  writeRate: 200,
  writeDurationS: 10,
  writeWarmupS: 3,
  writeProbes: WRITE_PROBES,
  writePollMs: WRITE_POLL_MS,
  processes: 2,
  readyTimeoutMs: 180_000,
};

const GRAPHQL_LIST =
  '{ storeProducts(first: 20) { items { id handle locale textLocale title subtitle prices { currencyCode min max } priceFrom { amount currencyCode } inStock hasStock totalStock categories tags publishedAt } nextCursor match } }';

/** The routes measured, each with its bare twin and (one tenant) the shared ceiling's route; GraphQL is compared with the lists. */
const targetsOf = (tenants, perTenant, withCeiling) => {
  const pick = () => tenants[Math.floor(Math.random() * tenants.length)];
  const vary = (path) => (req) => {
    const t = pick();
    return { ...req, path: path(t), headers: { ...req.headers, 'x-tenant-id': t.slug } };
  };
  const handle = () => handleOf(Math.floor(Math.random() * perTenant));
  const ceiling = [
    { key: 'ceiling-list', ceiling: true, label: 'ceiling list-20', setup: vary(() => '/products?take=20') },
    { key: 'ceiling-search', ceiling: true, label: `ceiling search-20 (q=${SEARCH_WORD})`, setup: vary(() => `/search?q=${SEARCH_WORD}`) },
    { key: 'ceiling-handle', ceiling: true, label: 'ceiling product-by-slug', setup: vary(() => `/products/${handle()}`) },
  ];
  return [
    ...(withCeiling ? ceiling : []),
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

/** Routes measured side by side (`--routes` picks groups): each group's rounds alternate between its routes. */
const GROUPS = {
  list: ['list', 'bare-list', 'ceiling-list', 'graphql'],
  search: ['search', 'bare-search', 'ceiling-search'],
  handle: ['handle', 'bare-handle', 'ceiling-handle'],
};

const check = async ({ name, base, target }) => {
  const first = target.setup({ path: '/', headers: target.headers ?? {} });
  const res = await httpJson(target.method ?? 'GET', `${base}${first.path}`, {
    headers: first.headers,
    body: target.body && JSON.parse(target.body),
  });
  if (res.status !== 200) throw new Error(`${name} ${target.label} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
};

/** `--duration-s` per route, as `--rounds` interleaved rounds, so every route sees the same machine. */
const measureGroup = async ({ name, keys, byKey, baseOf, o, problems, results }) => {
  const acc = Object.fromEntries(keys.map((k) => [k, { requests: 0, seconds: 0, latencies: [], non2xx: 0 }]));
  for (const key of keys) {
    await check({ name, base: baseOf(byKey[key]), target: byKey[key] });
    await cannon({ base: baseOf(byKey[key]), target: byKey[key], connections: o.connections, duration: o.warmupS });
  }
  const slice = o.durationS / o.rounds;
  for (let round = 0; round < o.rounds; round++) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]);
    for (const key of order) {
      const { result, latencies } = await cannon({
        base: baseOf(byKey[key]),
        target: byKey[key],
        connections: o.connections,
        duration: slice,
      });
      const a = acc[key];
      a.requests += result.requests.total;
      a.seconds += result.duration;
      a.non2xx += result.non2xx;
      for (const l of latencies) a.latencies.push(l);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) problems.push(`${name} ${key}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    }
  }
  for (const key of keys) {
    const a = acc[key];
    results[key] = {
      label: byKey[key].label,
      requestsPerSecond: round(a.requests / a.seconds, 0),
      ...summary(a.latencies),
      non2xx: a.non2xx,
    };
  }
};

const measure = async ({ name, server, bare, ceiling, targets, o, problems }) => {
  const results = {};
  const byKey = Object.fromEntries(targets.map((t) => [t.key, t]));
  const baseOf = (t) => (t.ceiling ? ceiling.base : t.bare ? bare.base : server.base);
  const groups = String(o.routes)
    .split(',')
    .map((g) => GROUPS[g]);
  for (const keys of groups.map((group) => group.filter((key) => byKey[key]))) {
    log(
      `${name} ${keys.join(' / ')}: ${o.warmupS} s warm-up each, then ${o.rounds} rounds of ${o.durationS / o.rounds} s each, -c ${o.connections}`,
    );
    await measureGroup({ name, keys, byKey, baseOf, o, problems, results });
  }
  const ratio = (a, b) => (results[a] && results[b] ? round((results[a].requestsPerSecond / results[b].requestsPerSecond) * 100, 1) : null);
  const ofCeiling = ceiling
    ? {
        percentOfCeiling: {
          list: ratio('list', 'ceiling-list'),
          search: ratio('search', 'ceiling-search'),
          handle: ratio('handle', 'ceiling-handle'),
          graphql: ratio('graphql', 'ceiling-list'),
        },
      }
    : {};
  return {
    results,
    percentOfBare: { list: ratio('list', 'bare-list'), search: ratio('search', 'bare-search'), handle: ratio('handle', 'bare-handle') },
    graphqlPercentOfRest: ratio('graphql', 'list'),
    ...ofCeiling,
  };
};

/** Direct writes, then writes through the commerce API, each on products not written before. */
const measureAllWrites = async ({ server, relayBase, db, tmp, root, owner, o, problems }) => {
  const { rows } = await db.transaction((tx) => tx.query('SELECT id FROM commerce_products ORDER BY random()'), {
    tenantId: owner.tenant.id,
  });
  const pool = rows.map((r) => r.id).slice(0, Math.floor(rows.length / 2)); // half for each mode
  const rest = rows.map((r) => r.id).slice(Math.floor(rows.length / 2));
  const common = {
    base: server.base,
    relayBase,
    db,
    adminUrl: tmp.url,
    root,
    tenant: owner.tenant,
    token: owner.token,
    rate: o.writeRate,
    durationS: o.writeDurationS,
    warmupS: o.writeWarmupS,
    probing: { probes: o.writeProbes, pollMs: o.writePollMs },
    pool,
    problems,
  };
  return [await measureWrites({ ...common, mode: 'direct' }), await measureWrites({ ...common, pool: rest, mode: 'http' })];
};

/** single: one tenant, reads then writes; multi: 100 tenants, reads; writes: one tenant, writes only. */
const runScenario = async ({ name, adminUrl, root, o, problems }) => {
  const single = name !== 'multi';
  const tmp = await throwAwayDatabase(adminUrl);
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: tmp.url,
    RUSTOK_ADMIN_EMAIL: 'bench-admin@example.com',
    RUSTOK_ADMIN_PASSWORD: password,
  };
  // As compose.yaml deploys PostgreSQL (--processes 2, the default): the relay, consumers and jobs in a process of
  // their own (it migrates first), the API in another; --processes 1: one process with every role.
  const workers =
    o.processes === 2
      ? await startServer({ root, env: { ...env, RUSTOK_SERVER__ROLES: 'relay,consumers,jobs' }, readyTimeoutMs: o.readyTimeoutMs })
      : undefined;
  const server = await startServer({
    root,
    env: workers ? { ...env, RUSTOK_SERVER__ROLES: 'api' } : env,
    readyTimeoutMs: o.readyTimeoutMs,
  });
  const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, poolMax: 8 });
  let bare;
  let ceiling;
  try {
    const owner = single ? await ownerToken(server.base, password) : undefined;
    const tenants = single ? [owner.tenant] : await createTenants(db, 'shop', o.tenants);
    const perTenant = single ? o.products : o.productsPerTenant;
    const t0 = performance.now();
    await seedCatalog({ db, tenants, perTenant, log: (l) => log(`${name}: ${l}`) });
    await withAdmin(tmp.url, (c) => c.query('VACUUM ANALYZE'));
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    if (name !== 'writes') bare = await startBare({ root, url: tmp.url, poolMax: o.poolMax });
    if (name === 'single') {
      await loadCeilingTable(root, tmp.url);
      ceiling = await startCeiling({ root, url: tmp.url, poolMax: o.poolMax });
    }
    const targets = targetsOf(tenants, perTenant, Boolean(ceiling));
    const reads = bare ? await measure({ name, server, bare, ceiling, targets, o, problems }) : { results: {} };
    const writes = single
      ? await measureAllWrites({ server, relayBase: (workers ?? server).base, db, tmp, root, owner, o, problems })
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
    await ceiling?.stop();
    await bare?.stop();
    await server.stop();
    await workers?.stop();
    await db.close().catch(() => {});
    if (o.keepDatabase) {
      tmp.keep();
      log(`${name}: database kept: ${tmp.url}`);
    } else await tmp.dispose();
  }
};

const checkOptions = (o) => {
  requireIntegers(o, [
    'products',
    'tenants',
    'productsPerTenant',
    'connections',
    'durationS',
    'rounds',
    'poolMax',
    'writeRate',
    'writeDurationS',
  ]);
  requireIntegers(o, ['writeWarmupS', 'writeProbes'], 0);
  requireIntegers(o, ['writePollMs'], 1);
  if (![1, 2].includes(o.processes))
    throw new Error('--processes: 1 (one server with every role) or 2 (API apart from relay, consumers and jobs)');
  for (const g of String(o.routes).split(','))
    if (!GROUPS[g]) throw new Error(`--routes: unknown "${g}" (${Object.keys(GROUPS).join(', ')})`);
  const wanted = String(o.scenarios).split(',');
  for (const s of wanted)
    if (!['single', 'multi', 'writes', 'embedded'].includes(s))
      throw new Error(`--scenarios: unknown "${s}" (single, multi, writes, embedded)`);
  return wanted;
};

const notesOf = (o, loadAverageAtStart, problems) => [
  o.processes === 2
    ? 'PostgreSQL scenarios: the server as compose.yaml runs it, one process with --roles relay,consumers,jobs and one with --roles api (the requests go to it)'
    : 'PostgreSQL scenarios: the server as one process with every role (--processes 1)',
  'REST = the built server (RUSTOK_ENV=production, LOG_LEVEL=warn): tenant resolution by X-Tenant-ID slug, access check, the statement through the tenant read pool (read-only sessions keeping the tenant they last served, row-level security), stored JSON text sent as is',
  `each route ${o.durationS} s in ${o.rounds} rounds interleaved with its twin (order rotated), after ${o.warmupS} s of warm-up each; the catalog is VACUUM ANALYZEd after seeding`,
  `bare = Fastify in its own process calling the index module's own read use-cases over the database package (read pool ${o.poolMax}): the same statements and JSON text, without the server's request pipeline (tenant resolution, access check, hooks, response schema)`,
  `ceiling = the shared reference (bench/ceiling, pool ${o.poolMax}) over one denormalised table of the same catalog, one tenant only; targets: REST list, search and by-handle ≥ 60% of the ceiling's route, GraphQL list ≥ 50% of the ceiling's list`,
  'multi: every request picks a random tenant (and a random handle); targets: REST ≥ 60% of bare, GraphQL list ≥ 50% of REST list',
  'embedded: the built server on PGlite (a data directory) against the same newest-list statement run directly on PGlite over the same data in its own process (tenant set once for its session), one after the other; target ≥ 70% of the direct statement',
  `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores; autocannon runs in the bench process on the same cores`,
  ...problems.map((p) => `PROBLEM: ${p}`),
];

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  const wanted = checkOptions(o);
  const loadAverageAtStart = loadAverage();
  const problems = [];
  const adminUrl = process.env.DATABASE_URL;
  const pgAvailable = await probePostgres(adminUrl);
  const onPostgres = wanted.filter((name) => name !== 'embedded');
  if (!pgAvailable.ok && onPostgres.length === wanted.length) {
    log(`postgres: skipped (${pgAvailable.reason})`);
    const table = { title: 'storefront: skipped', columns: ['reason'], rows: [[pgAvailable.reason]] };
    return { ok: true, skipped: [{ target: 'postgres', reason: pgAvailable.reason }], table };
  }
  const scenarios = {};
  for (const name of pgAvailable.ok ? onPostgres : []) scenarios[name] = await runScenario({ name, adminUrl, root: o.root, o, problems });
  if (wanted.includes('embedded')) scenarios.embedded = await runEmbedded({ root: o.root, o, problems });
  const tables = tablesOf(scenarios, o, notesOf(o, loadAverageAtStart, problems));
  return {
    ok: problems.length === 0,
    parameters: { ...o, root: undefined },
    postgresVersion: pgAvailable.ok ? pgAvailable.version : null,
    ...(pgAvailable.ok || onPostgres.length === 0 ? {} : { skipped: [{ target: 'postgres', reason: pgAvailable.reason }] }),
    loadAverageAtStart,
    scenarios,
    problems,
    tables,
  };
}
