// Tenancy suite: (1) the cost of row-level security on a tenant-scoped keyset listing, (2) the
// per-request cost of tenant resolution + authentication over HTTP against the built server, and
// (3) the in-process cost of resolving a warm tenant (createTenantCache + createTenantResolver).
// PostgreSQL when DATABASE_URL is set and reachable (throw-away databases), and PGlite. Runs the
// built packages (dist). See bench/README.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres, runMigrations, tenantRlsSql } from '@rustok/db';
import { generateId, loadConfig } from '@rustok/kernel';
import { createTenantCache, createTenantResolver, insertTenant, parseTenantIdentifier } from '@rustok/tenancy';
import autocannon from 'autocannon';
import pino from 'pino';
import {
  APP_ROLE,
  httpJson,
  loadAverage,
  log,
  probePostgres,
  requireIntegers,
  serverEnv,
  startBuiltServer,
  tempDataDir,
  throwAwayDatabase,
} from '../lib.mjs';
import { fmtInt, fmtRange, percentile, round, stats } from '../stats.mjs';

const defaults = {
  parts: 'rls,http,resolve',
  // (1) row-level security
  tenants: 100,
  rowsPerTenant: 1_000,
  pageSize: 20,
  durationS: 10,
  warmupS: 2,
  rounds: 5,
  pgConcurrency: 8,
  pgliteConcurrency: 1,
  // (2) HTTP
  connections: 20,
  httpDurationS: 10,
  httpWarmupS: 2,
  readyTimeoutMs: 120_000,
  // (3) in-process resolution
  resolutions: 1_000_000,
  runs: 3,
};

// Errors of the in-process pieces go to stderr; stdout is kept for the tables.
const silent = pino({ level: 'silent' });

/** { count, meanMs, p50Ms, p90Ms, p99Ms, maxMs } of latencies in ms. */
const latencySummary = (values) => {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    meanMs: sorted.length ? round(sum / sorted.length, 3) : null,
    p50Ms: round(percentile(sorted, 50), 3),
    p90Ms: round(percentile(sorted, 90), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    maxMs: sorted.length ? round(sorted[sorted.length - 1], 3) : null,
  };
};

/** Small deterministic PRNG (mulberry32), so every variant gets the same sequence of pages. */
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const fmtMs = (x) => (x === null || x === undefined ? null : x < 10 ? x.toFixed(2) : x.toFixed(1));
const fmtPct = (x) => (x === null || x === undefined || !Number.isFinite(x) ? null : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);

// ---------------------------------------------------------------------------------------------
// (1) Row-level security: items_rls (tenantRlsSql, FORCE) vs items_plain (no RLS), same data.

const COLUMNS = 'id, tenant_id, name, price_cents, created_at';

const itemsTableSql = (table) => `
CREATE TABLE ${table} (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  name text NOT NULL,
  price_cents integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ${table}_tenant_id_id_idx ON ${table} (tenant_id, id);`;

/**
 * Owner setup: both tables, the same rows in the same physical order (tenants interleaved, as
 * rows written over time would be), then RLS on items_rls only, ANALYZE, grants to the app role.
 */
const rlsOwnerSetup = (tenantIds, rowsPerTenant) => async (owner) => {
  await owner.exec(`${itemsTableSql('items_plain')}\n${itemsTableSql('items_rls')}`);
  await owner.query(
    `INSERT INTO items_plain (${COLUMNS})
     SELECT gen_random_uuid(), t.id, 'item ' || g, (g * 37) % 10000, now() - g * interval '1 second'
     FROM generate_series(1, $2::int) AS g CROSS JOIN unnest($1::uuid[]) AS t(id)
     ORDER BY g, t.id`,
    [tenantIds, rowsPerTenant],
  );
  await owner.exec(`INSERT INTO items_rls (${COLUMNS}) SELECT ${COLUMNS} FROM items_plain ORDER BY ctid;`);
  await owner.exec(tenantRlsSql('items_rls'));
  await owner.exec('ANALYZE items_plain; ANALYZE items_rls;');
  await owner.exec(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}; GRANT SELECT ON items_plain, items_rls TO ${APP_ROLE};`);
};

const SELECT_LIST = 'id, name, price_cents, created_at';

/** The variants: what each transaction runs. `page` = { tenantId, cursor }. */
const RLS_VARIANTS = [
  {
    key: 'plain',
    label: 'items_plain, WHERE tenant_id = $1, db.transaction(fn)',
    sql: `SELECT ${SELECT_LIST} FROM items_plain WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    params: (p, n) => [p.tenantId, p.cursor, n],
    tenantTx: false,
  },
  {
    key: 'rls',
    label: 'items_rls, policy only, db.transaction(fn, { tenantId })',
    sql: `SELECT ${SELECT_LIST} FROM items_rls WHERE id > $1 ORDER BY id LIMIT $2`,
    params: (p, n) => [p.cursor, n],
    tenantTx: true,
  },
  {
    key: 'rlsFiltered',
    label: 'items_rls, policy + WHERE tenant_id = $1, { tenantId }',
    sql: `SELECT ${SELECT_LIST} FROM items_rls WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    params: (p, n) => [p.tenantId, p.cursor, n],
    tenantTx: true,
  },
  {
    key: 'plainTenantTx',
    label: 'items_plain, WHERE tenant_id = $1, { tenantId } (set_config only)',
    sql: `SELECT ${SELECT_LIST} FROM items_plain WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    params: (p, n) => [p.tenantId, p.cursor, n],
    tenantTx: true,
  },
];

/** "Limit > Index Scan using items_rls_tenant_id_id_idx" from EXPLAIN (FORMAT JSON). */
const planShape = (explainRows) => {
  const raw = explainRows[0]['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw)[0].Plan;
  const parts = [];
  const walk = (node) => {
    parts.push(
      `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Index Cond'] ? ` (${node['Index Cond']})` : ''}`,
    );
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return parts.join(' > ').replace(/'[0-9a-f-]{36}'::uuid/g, '<uuid>');
};

const runVariant = async ({ db, variant, pages, o, concurrency, durationMs, record }) => {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  let wrongSize = 0;
  const t0 = performance.now();
  const end = t0 + durationMs;
  const options = variant.tenantTx ? (p) => ({ tenantId: p.tenantId }) : () => undefined;
  const worker = async (w) => {
    let i = w * 7919;
    while (performance.now() < end) {
      const page = pages[i++ % pages.length];
      const start = performance.now();
      try {
        const { rows } = await db.transaction((tx) => tx.query(variant.sql, variant.params(page, o.pageSize)), options(page));
        if (record) latencies.push(performance.now() - start);
        if (rows.length !== o.pageSize) wrongSize++;
      } catch (error) {
        errors++;
        firstError ??= error.message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - t0;
  return { elapsedMs, latencies, errors, firstError, wrongSize };
};

const benchRls = async ({ name, open, concurrency, o, problems }) => {
  const tenantIds = Array.from({ length: o.tenants }, () => generateId());
  const t0 = performance.now();
  const opened = await open(rlsOwnerSetup(tenantIds, o.rowsPerTenant), concurrency);
  const { db } = opened;
  try {
    const seedMs = performance.now() - t0;
    // Every tenant's ids in order (read from the plain table), for cursors and for the checks.
    const { rows: all } = await db.query('SELECT tenant_id, id FROM items_plain ORDER BY tenant_id, id');
    const idsByTenant = new Map(tenantIds.map((t) => [t, []]));
    for (const r of all) idsByTenant.get(r.tenant_id)?.push(r.id);
    if (all.length !== o.tenants * o.rowsPerTenant)
      problems.push(`${name} rls: ${all.length} rows seeded, expected ${o.tenants * o.rowsPerTenant}`);

    // The pages: a random tenant and a random cursor that leaves at least a full page after it.
    const random = prng(20_261_122);
    const pages = Array.from({ length: 50_000 }, () => {
      const tenantId = tenantIds[Math.floor(random() * tenantIds.length)];
      const ids = idsByTenant.get(tenantId);
      const at = Math.floor(random() * (ids.length - o.pageSize));
      return { tenantId, cursor: ids[at], expected: ids.slice(at + 1, at + 1 + o.pageSize) };
    });

    // Checks: the policy hides everything outside a tenant transaction, and every variant returns
    // exactly the expected page.
    const checks = {};
    const { rows: outside } = await db.transaction((tx) => tx.query('SELECT count(*)::int AS n FROM items_rls'));
    checks.rlsRowsOutsideTenantTx = outside[0].n;
    if (outside[0].n !== 0)
      problems.push(`${name} rls: items_rls shows ${outside[0].n} rows outside a tenant transaction (policy not applied)`);
    const { rows: inside } = await db.transaction((tx) => tx.query('SELECT count(*)::int AS n FROM items_rls'), { tenantId: tenantIds[0] });
    checks.rlsRowsInTenantTx = inside[0].n;
    if (inside[0].n !== o.rowsPerTenant)
      problems.push(`${name} rls: items_rls shows ${inside[0].n} rows to one tenant, expected ${o.rowsPerTenant}`);
    const plans = {};
    for (const variant of RLS_VARIANTS) {
      const opts = (p) => (variant.tenantTx ? { tenantId: p.tenantId } : undefined);
      for (const page of pages.slice(0, 20)) {
        const { rows } = await db.transaction((tx) => tx.query(variant.sql, variant.params(page, o.pageSize)), opts(page));
        const got = rows.map((r) => r.id).join(',');
        if (got !== page.expected.join(',')) {
          problems.push(`${name} rls ${variant.key}: wrong page for tenant ${page.tenantId} after ${page.cursor}`);
          break;
        }
      }
      const { rows: explain } = await db.transaction(
        (tx) => tx.query(`EXPLAIN (FORMAT JSON) ${variant.sql}`, variant.params(pages[0], o.pageSize)),
        opts(pages[0]),
      );
      plans[variant.key] = planShape(explain);
    }

    // Warm-up of every variant, then `rounds` rounds of durationS/rounds seconds per variant, the
    // order rotated each round, so drift (other load, a slowing database) spreads over all of them.
    for (const variant of RLS_VARIANTS) {
      log(`${name} rls ${variant.key}: ${o.warmupS} s warm-up at concurrency ${concurrency}`);
      await runVariant({ db, variant, pages, o, concurrency, durationMs: o.warmupS * 1000, record: false });
    }
    const acc = Object.fromEntries(
      RLS_VARIANTS.map((v) => [v.key, { latencies: [], elapsedMs: 0, errors: 0, wrongSize: 0, firstError: null, rounds: [] }]),
    );
    const sliceMs = (o.durationS * 1000) / o.rounds;
    for (let round_ = 0; round_ < o.rounds; round_++) {
      const order = RLS_VARIANTS.map((_, i) => RLS_VARIANTS[(i + round_) % RLS_VARIANTS.length]);
      log(`${name} rls round ${round_ + 1}/${o.rounds}: ${order.map((v) => v.key).join(', ')}, ${round(sliceMs / 1000, 2)} s each`);
      for (const variant of order) {
        const r = await runVariant({ db, variant, pages, o, concurrency, durationMs: sliceMs, record: true });
        const a = acc[variant.key];
        for (const l of r.latencies) a.latencies.push(l);
        a.elapsedMs += r.elapsedMs;
        a.errors += r.errors;
        a.wrongSize += r.wrongSize;
        a.firstError ??= r.firstError;
        a.rounds.push(round((r.latencies.length / r.elapsedMs) * 1000, 0));
      }
    }
    const variants = {};
    for (const variant of RLS_VARIANTS) {
      const a = acc[variant.key];
      if (a.errors > 0) problems.push(`${name} rls ${variant.key}: ${a.errors} queries failed (${a.firstError})`);
      if (a.wrongSize > 0) problems.push(`${name} rls ${variant.key}: ${a.wrongSize} pages without ${o.pageSize} rows`);
      variants[variant.key] = {
        label: variant.label,
        plan: plans[variant.key],
        queriesPerSecond: round((a.latencies.length / a.elapsedMs) * 1000, 0),
        queriesPerSecondByRound: a.rounds,
        ...latencySummary(a.latencies),
        errors: a.errors,
      };
    }
    const rel = (a, b) =>
      variants[a] && variants[b] ? round((variants[b].queriesPerSecond / variants[a].queriesPerSecond - 1) * 100, 1) : null;
    return {
      concurrency,
      seedMs: round(seedMs),
      rows: all.length,
      checks,
      variants,
      // Negative = fewer queries per second than the plain table with a WHERE filter.
      relativeThroughputPercent: {
        rls: rel('plain', 'rls'),
        rlsFiltered: rel('plain', 'rlsFiltered'),
        plainTenantTx: rel('plain', 'plainTenantTx'),
      },
    };
  } finally {
    await opened.dispose();
  }
};

// ---------------------------------------------------------------------------------------------
// (2) HTTP: the built server, autocannon against a route without and with tenant resolution.

const baseEnv = () => serverEnv({ environment: 'production', logLevel: 'warn' });

/** The built server, ready (see startBuiltServer): { base, stop, output, pid }. */
const startServer = ({ root, env, o }) => startBuiltServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });

const login = (base, tenant, email, password) =>
  httpJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } });

/**
 * Fallback when the build has no RUSTOK_ADMIN_* bootstrap: the super_admin is created in the
 * default tenant in-process (the server's own assembly over the same data), with the server stopped.
 */
const createSuperAdminDirectly = async ({ root, env, email, password }) => {
  const server = await import('@rustok/server');
  const { createUser } = await import('@rustok/auth');
  const kernel = server.loadKernel({ root, env, logger: silent });
  const { db } = await server.openKernelDatabase(kernel);
  const assembled = await server.assemble({ config: kernel.config, db, registry: kernel.registry, logger: silent });
  try {
    await assembled.app.ready();
    const slug = kernel.config.settings.rustok.tenant.default_slug;
    const { rows } = await db.query('SELECT id FROM tenants WHERE slug = $1', [slug]);
    if (!rows[0]) throw new Error(`no default tenant "${slug}" after boot`);
    await createUser({ ...assembled.access.auth, tenantId: rows[0].id }, { email, password, roles: ['super_admin'], emailVerified: true });
  } finally {
    await assembled.app.close(); // closes the database too
  }
};

/** super_admin token (bootstrap or fallback), then a tenant + owner through the platform API, then the owner's token. */
const prepareTenant = async ({ root, env, server, setup }) => {
  const email = 'bench-admin@example.com';
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  let running = await server(env({ RUSTOK_ADMIN_EMAIL: email, RUSTOK_ADMIN_PASSWORD: password }));
  let admin = await login(running.base, 'default', email, password);
  if (admin.status === 200 && admin.body?.accessToken) {
    setup.superAdmin = 'RUSTOK_ADMIN_EMAIL/RUSTOK_ADMIN_PASSWORD bootstrap at first start';
  } else {
    log(`super_admin login answered ${admin.status} (${admin.body?.code ?? ''}): creating the super_admin directly, then restarting`);
    setup.superAdmin = `created in-process with createUser (the built server's first start did not bootstrap one: login answered ${admin.status})`;
    await running.stop();
    await createSuperAdminDirectly({ root, env: env({}), email, password });
    running = await server(env({}));
    admin = await login(running.base, 'default', email, password);
    if (admin.status !== 200) throw new Error(`super_admin login failed: ${admin.status} ${JSON.stringify(admin.body)}`);
  }
  const ownerEmail = 'owner@bench.example.com';
  const created = await httpJson('POST', `${running.base}/api/v1/platform/tenants`, {
    headers: { authorization: `Bearer ${admin.body.accessToken}` },
    body: { name: 'Bench', slug: 'bench', owner: { email: ownerEmail, password } },
  });
  if (created.status !== 201) throw new Error(`POST /api/v1/platform/tenants answered ${created.status}: ${JSON.stringify(created.body)}`);
  const owner = await login(running.base, 'bench', ownerEmail, password);
  if (owner.status !== 200) throw new Error(`owner login failed: ${owner.status} ${JSON.stringify(owner.body)}`);
  setup.tenant = 'POST /api/v1/platform/tenants as super_admin, owner (role admin) logged in with POST /api/v1/auth/login';
  return { running, tenantId: created.body.tenant.id, slug: 'bench', token: owner.body.accessToken };
};

/** autocannon with our own sub-millisecond latencies (autocannon's histogram keeps whole ms). */
const cannon = (opts) =>
  new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ ...opts, workers: undefined }, (error, result) =>
      error ? reject(error) : resolve({ result, latencies }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });

const benchHttp = async ({ name, root, o, env, problems }) => {
  const setup = {};
  const server = (e) => startServer({ root, env: e, o });
  const { running, tenantId, slug, token } = await prepareTenant({ root, env, server, setup });
  try {
    const auth = { authorization: `Bearer ${token}` };
    const targets = [
      { key: 'live', label: 'GET /health/live (no tenant)', path: '/health/live', headers: {} },
      { key: 'slug', label: 'GET /api/v1/modules, X-Tenant-ID: slug', path: '/api/v1/modules', headers: { ...auth, 'x-tenant-id': slug } },
      {
        key: 'uuid',
        label: 'GET /api/v1/modules, X-Tenant-ID: UUID',
        path: '/api/v1/modules',
        headers: { ...auth, 'x-tenant-id': tenantId },
      },
    ];
    const results = {};
    for (const t of targets) {
      const check = await httpJson('GET', `${running.base}${t.path}`, { headers: t.headers });
      if (check.status !== 200) throw new Error(`${t.label} answered ${check.status}: ${JSON.stringify(check.body)}`);
      const url = `${running.base}${t.path}`;
      log(`${name} http ${t.key}: ${o.httpWarmupS} s warm-up + -c ${o.connections} -d ${o.httpDurationS}`);
      if (o.httpWarmupS > 0) await cannon({ url, headers: t.headers, connections: o.connections, duration: o.httpWarmupS });
      const { result, latencies } = await cannon({ url, headers: t.headers, connections: o.connections, duration: o.httpDurationS });
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) problems.push(`${name} http ${t.key}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      results[t.key] = {
        label: t.label,
        requests: result.requests.total,
        requestsPerSecond: round(result.requests.total / result.duration, 0),
        autocannon: {
          requestsAverage: result.requests.average,
          latencyAverageMs: result.latency.average,
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
        },
        ...latencySummary(latencies),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      };
    }
    const exit = await running.stop();
    if (exit.code !== 0) problems.push(`${name} http: server exit code ${exit.code} (signal ${exit.signal})`);
    const service = (k) => 1e6 / results[k].requestsPerSecond; // µs of server time per request at saturation
    return {
      setup,
      connections: o.connections,
      durationS: o.httpDurationS,
      results,
      overhead: {
        // Asked for: difference of mean latencies at -c N (includes queueing: ≈ N × the service-time difference).
        meanLatencyDiffMs: {
          slugVsLive: round(results.slug.meanMs - results.live.meanMs, 3),
          uuidVsLive: round(results.uuid.meanMs - results.live.meanMs, 3),
          uuidVsSlug: round(results.uuid.meanMs - results.slug.meanMs, 3),
        },
        // Per request at saturation: 1/throughput difference.
        serviceTimeDiffUs: {
          slugVsLive: round(service('slug') - service('live'), 1),
          uuidVsLive: round(service('uuid') - service('live'), 1),
          uuidVsSlug: round(service('uuid') - service('slug'), 1),
        },
      },
    };
  } finally {
    await running.stop();
  }
};

// ---------------------------------------------------------------------------------------------
// (3) In-process: a warm slug / UUID through createTenantCache + createTenantResolver.

const benchResolve = async ({ root, o, problems }) => {
  const { PLATFORM_MODULES } = await import('@rustok/server');
  const db = await openPglite({ appRole: APP_ROLE, ownerSetup: (owner) => runMigrations(owner, PLATFORM_MODULES, { appRole: APP_ROLE }) });
  const cache = createTenantCache({ db, ttlMs: 3_600_000, negativeTtlMs: 5_000, logger: silent });
  try {
    const tenant = await db.transaction((tx) => insertTenant(tx, { name: 'Bench', slug: 'bench' }));
    const settings = loadConfig({ dir: join(root, 'config'), environment: 'production', env: {} }).settings.rustok.tenant;
    const resolve = createTenantResolver({ settings, cache });
    const header = settings.header_name.toLowerCase();
    const bySlug = { headers: { [header]: 'bench' }, hostname: '127.0.0.1' };
    const byId = { headers: { [header]: tenant.id }, hostname: '127.0.0.1' };
    const parsedSlug = parseTenantIdentifier('bench', 'slug-or-id');
    for (const req of [bySlug, byId]) {
      const t = await resolve(req);
      if (t.id !== tenant.id) problems.push(`resolve: got tenant ${t.id}, expected ${tenant.id}`);
    }
    const measures = [
      { key: 'slug', label: 'resolver, warm slug (header)', fn: () => resolve(bySlug) },
      { key: 'uuid', label: 'resolver, warm UUID (header)', fn: () => resolve(byId) },
      { key: 'cacheGet', label: 'cache.get({ kind: slug }) only', fn: () => cache.get(parsedSlug) },
      { key: 'parse', label: 'parseTenantIdentifier(slug) only', fn: () => parseTenantIdentifier('bench', 'slug-or-id'), sync: true },
    ];
    const results = {};
    for (const m of measures) {
      const samples = [];
      for (let run = 0; run < o.runs; run++) {
        for (let i = 0; i < 10_000; i++) await m.fn(); // warm-up (JIT)
        const t0 = process.hrtime.bigint();
        if (m.sync) for (let i = 0; i < o.resolutions; i++) m.fn();
        else for (let i = 0; i < o.resolutions; i++) await m.fn();
        samples.push(round(Number(process.hrtime.bigint() - t0) / o.resolutions, 0));
      }
      log(`resolve ${m.key}: ${samples.join(', ')} ns per call`);
      results[m.key] = { label: m.label, nsPerCall: stats(samples) };
    }
    const cacheStats = cache.stats();
    if (cacheStats.lookups !== 2) problems.push(`resolve: ${cacheStats.lookups} database lookups, expected 2 (one per identifier)`);
    return { resolutions: o.resolutions, runs: o.runs, results, cache: { lookups: cacheStats.lookups, misses: cacheStats.misses } };
  } finally {
    await cache.close();
    await db.close();
  }
};

// ---------------------------------------------------------------------------------------------

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  const parts = new Set(String(o.parts).split(','));
  for (const p of parts) if (!['rls', 'http', 'resolve'].includes(p)) throw new Error(`--parts: unknown part "${p}" (rls, http, resolve)`);
  requireIntegers(o, [
    'tenants',
    'rowsPerTenant',
    'pageSize',
    'rounds',
    'pgConcurrency',
    'pgliteConcurrency',
    'connections',
    'resolutions',
    'runs',
  ]);
  for (const k of ['durationS', 'httpDurationS']) if (typeof o[k] !== 'number' || o[k] <= 0) throw new Error(`--${k} must be > 0`);
  if (o.rowsPerTenant <= o.pageSize) throw new Error('--rows-per-tenant must be larger than --page-size');
  const root = o.root;
  const loadAverageAtStart = loadAverage();
  const problems = [];
  const skipped = [];
  const adminUrl = process.env.DATABASE_URL;
  const availability = await probePostgres(adminUrl);
  const pgVersion = availability.ok ? availability.version : null;
  if (!availability.ok) skipped.push({ target: 'postgres', reason: availability.reason });
  const backends = [...(pgVersion ? ['postgres'] : []), 'pglite'];
  for (const s of skipped) log(`postgres: skipped (${s.reason})`);

  const rls = {};
  const http = {};
  let resolution = null;

  if (parts.has('rls')) {
    for (const name of backends) {
      const concurrency = name === 'postgres' ? o.pgConcurrency : o.pgliteConcurrency;
      const open =
        name === 'postgres'
          ? async (ownerSetup, conc) => {
              const tmp = await throwAwayDatabase(adminUrl);
              try {
                const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, ownerSetup, poolMax: conc + 2 });
                return {
                  db,
                  dispose: async () => {
                    await db.close().catch(() => {});
                    await tmp.dispose();
                  },
                };
              } catch (error) {
                await tmp.dispose();
                throw error;
              }
            }
          : async (ownerSetup) => {
              const db = await openPglite({ appRole: APP_ROLE, ownerSetup });
              return { db, dispose: () => db.close() };
            };
      log(`${name} rls: seeding ${o.tenants} tenants × ${o.rowsPerTenant} rows into items_plain and items_rls`);
      rls[name] = await benchRls({ name, open, concurrency, o, problems });
    }
  }

  if (parts.has('http')) {
    for (const name of backends) {
      let env;
      let dispose;
      if (name === 'postgres') {
        const tmp = await throwAwayDatabase(adminUrl);
        env = (extra) => ({ ...baseEnv(), DATABASE_URL: tmp.url, ...extra });
        dispose = tmp.dispose;
      } else {
        const tmp = tempDataDir();
        env = (extra) => ({ ...baseEnv(), RUSTOK_DATABASE__DATA_DIR: tmp.dir, ...extra });
        dispose = tmp.dispose;
      }
      try {
        http[name === 'pglite' ? 'embedded' : name] = await benchHttp({ name, root, o, env, problems });
      } finally {
        await dispose();
      }
    }
  }

  if (parts.has('resolve')) {
    log(`resolve: ${fmtInt(o.resolutions)} resolutions × ${o.runs} runs per measure`);
    resolution = await benchResolve({ root, o, problems });
  }

  // Tables -------------------------------------------------------------------------------------
  const tables = [];
  if (Object.keys(rls).length > 0) {
    const rows = [];
    for (const [name, r] of Object.entries(rls)) {
      for (const variant of RLS_VARIANTS) {
        const v = r.variants[variant.key];
        const vsPlain = variant.key === 'plain' ? null : r.relativeThroughputPercent[variant.key];
        rows.push([
          name,
          r.concurrency,
          variant.label,
          fmtInt(v.queriesPerSecond),
          fmtMs(v.p50Ms),
          fmtMs(v.p99Ms),
          fmtMs(v.meanMs),
          fmtPct(vsPlain),
        ]);
      }
    }
    tables.push({
      title: 'tenancy: row-level security (keyset page of 20 rows of one tenant, one transaction per query)',
      columns: ['database', 'conc', 'query', 'queries/s', 'p50 ms', 'p99 ms', 'mean ms', 'q/s vs plain'],
      rows,
      notes: [
        `${o.tenants} tenants × ${fmtInt(o.rowsPerTenant)} rows per table, index (tenant_id, id); random tenant and cursor per query (same sequence for every variant); ${o.warmupS} s warm-up, then ${o.durationS} s each in ${o.rounds} interleaved rounds`,
        'a { tenantId } transaction costs one more statement (set_config) than a plain one; the last row isolates that cost from the policy',
        ...Object.entries(rls).flatMap(([name, r]) => RLS_VARIANTS.map((v) => `  ${name} plan ${v.key}: ${r.variants[v.key].plan}`)),
      ],
    });
  }
  if (Object.keys(http).length > 0) {
    const rows = [];
    for (const [name, h] of Object.entries(http)) {
      for (const key of ['live', 'slug', 'uuid']) {
        const r = h.results[key];
        const overhead =
          key === 'live'
            ? null
            : `${fmtMs(h.overhead.meanLatencyDiffMs[key === 'slug' ? 'slugVsLive' : 'uuidVsLive'])} ms / ${h.overhead.serviceTimeDiffUs[key === 'slug' ? 'slugVsLive' : 'uuidVsLive']} µs`;
        rows.push([name, r.label, fmtInt(r.requestsPerSecond), fmtMs(r.p50Ms), fmtMs(r.p99Ms), fmtMs(r.meanMs), overhead]);
      }
    }
    const first = Object.values(http)[0];
    tables.push({
      title: `tenancy: HTTP, built server (RUSTOK_ENV=production, LOG_LEVEL=warn), autocannon -c ${o.connections} -d ${o.httpDurationS}`,
      columns: ['database', 'route', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'Δ mean latency / Δ per-request time vs live'],
      rows,
      notes: [
        '/api/v1/modules = tenant resolution (warm cache) + module switch + JWT verification + permission check + the handler (module list, cached 5 s)',
        `Δ mean latency at -c ${o.connections} includes queueing (≈ ${o.connections} × the per-request difference); Δ per-request time = 1/(req/s) − 1/(req/s of live)`,
        ...Object.entries(http).map(
          ([name, h]) =>
            `  ${name}: UUID vs slug Δ mean ${fmtMs(h.overhead.meanLatencyDiffMs.uuidVsSlug)} ms, Δ per-request ${h.overhead.serviceTimeDiffUs.uuidVsSlug} µs`,
        ),
        `super_admin: ${first.setup.superAdmin}; tenant: ${first.setup.tenant}`,
        `autocannon runs in the bench process on the same ${availableParallelism()} cores as the server`,
      ],
    });
  }
  if (resolution) {
    tables.push({
      title: `tenancy: in-process resolution (createTenantCache memory tier + createTenantResolver, header mode), ${fmtInt(o.resolutions)} calls`,
      columns: ['measure', 'ns per call'],
      rows: Object.values(resolution.results).map((r) => [r.label, fmtRange(r.nsPerCall)]),
      notes: [`median (min–max) of ${o.runs} runs; one awaited call at a time; ${resolution.cache.lookups} database lookups in total`],
    });
  }
  const commonNotes = [
    `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores`,
    ...skipped.map((s) => `skipped ${s.target}: ${s.reason}`),
    ...problems.map((p) => `PROBLEM: ${p}`),
  ];
  if (tables.length > 0) tables[tables.length - 1].notes.push(...commonNotes);

  return {
    ok: problems.length === 0,
    parameters: {
      parts: [...parts],
      tenants: o.tenants,
      rowsPerTenant: o.rowsPerTenant,
      pageSize: o.pageSize,
      durationS: o.durationS,
      warmupS: o.warmupS,
      rounds: o.rounds,
      pgConcurrency: o.pgConcurrency,
      pgliteConcurrency: o.pgliteConcurrency,
      connections: o.connections,
      httpDurationS: o.httpDurationS,
      httpWarmupS: o.httpWarmupS,
      resolutions: o.resolutions,
      runs: o.runs,
    },
    loadAverageAtStart,
    ...(pgVersion ? { postgresVersion: pgVersion } : {}),
    rls,
    http,
    resolution,
    skipped,
    problems,
    tables,
  };
}
