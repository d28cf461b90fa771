// Scale suite: a deployment of API processes beside one relay/consumers/jobs process on PostgreSQL,
// with --tenants (1,000) × --products-per-tenant (1,000) products: storefront list and search p99 at a
// steady open-loop rate over random tenants, list throughput with two API processes against one (with
// the CPU each group of processes used), and relay throughput with many tenants per batch. See
// bench/README.md.
import { openPostgres } from '@rustok/db';
import { APP_ROLE, loadAverage, log, probePostgres, requireIntegers, round, serverEnv, throwAwayDatabase, withAdmin } from '../lib.mjs';
import { relayOnPostgres } from './events.mjs';
import { pacedLoad } from './paced-load.mjs';
import { cpuCapSupport, cpuProbe, withCpuCap } from './scale-cpu.mjs';
import { scaleTables, TARGETS } from './scale-report.mjs';
import { cannon, httpJson, startServer } from './storefront-http.mjs';
import { createTenants, SEARCH_WORD, seedCatalog } from './storefront-seed.mjs';

const defaults = {
  tenants: 1_000,
  productsPerTenant: 1_000,
  seedConcurrency: 2,
  rate: 200,
  durationS: 20,
  warmupS: 3,
  connections: 32,
  roundS: 10,
  rounds: 3,
  apiCpuCap: 0.35,
  relayEvents: 50_000,
  relayRuns: 3,
  relayBatch: 500,
  readyTimeoutMs: 300_000,
  keepDatabase: false,
  reuse: '',
};

const LIST = '/api/v1/store/products?limit=20';
const SEARCH = `/api/v1/store/products?q=${SEARCH_WORD}&limit=20`;

/** A random tenant's request of `path` on one of `bases` (round robin): { url, headers }. */
const requests = (tenants, bases, path) => {
  let n = 0;
  return () => {
    const t = tenants[Math.floor(Math.random() * tenants.length)];
    const base = bases[n++ % bases.length];
    return { url: `${base}${path}`, headers: { 'x-tenant-id': t.slug } };
  };
};

/** The catalog: reused when `--reuse` names a database already seeded with as many tenants and products; else seeded. */
const prepareCatalog = async ({ db, url, o }) => {
  const tenantsNow = async () =>
    (await withAdmin(url, (c) => c.query("SELECT id, slug FROM tenants WHERE slug LIKE 'scale-%' ORDER BY slug"))).rows;
  const productCount = async () => (await withAdmin(url, (c) => c.query('SELECT count(*)::int AS n FROM commerce_products'))).rows[0].n;
  const existing = await tenantsNow();
  if (existing.length === o.tenants && (await productCount()) === o.tenants * o.productsPerTenant) {
    log(`catalog: reusing ${existing.length} tenants × ${o.productsPerTenant} products`);
    return { tenants: existing, seedSeconds: null };
  }
  if (existing.length > 0) throw new Error(`--reuse: the database holds ${existing.length} scale tenants, not ${o.tenants}`);
  const t0 = performance.now();
  const tenants = await createTenants(db, 'scale', o.tenants);
  await seedCatalog({ db, tenants, perTenant: o.productsPerTenant, concurrency: o.seedConcurrency, log });
  await withAdmin(url, (c) => c.query('VACUUM ANALYZE'));
  return { tenants, seedSeconds: round((performance.now() - t0) / 1000, 1) };
};

/** Both routes answer 200 with items for a few tenants before anything is measured. */
const check = async (base, tenants) => {
  for (const t of tenants.slice(0, 3)) {
    for (const path of [LIST, SEARCH]) {
      const res = await httpJson('GET', `${base}${path}`, { headers: { 'x-tenant-id': t.slug } });
      const items = res.body?.items ?? res.body?.data;
      if (res.status !== 200 || !Array.isArray(items) || items.length === 0)
        throw new Error(`${path} for ${t.slug} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  }
};

/** Open-loop list and search at `--rate` on one API process, random tenants. */
const measureLatency = async ({ api, tenants, o }) => {
  const out = {};
  for (const [key, path] of [
    ['list', LIST],
    ['search', SEARCH],
  ]) {
    log(`latency: ${key} at ${o.rate}/s for ${o.durationS} s (+${o.warmupS} s warm-up), random tenants`);
    out[key] = await pacedLoad({ next: requests(tenants, [api.base], path), rate: o.rate, durationS: o.durationS, warmupS: o.warmupS });
  }
  return out;
};

/** Closed-loop list at full speed over `apis` (connections split between them) for `seconds`: req/s and CPU. */
const fullSpeed = async ({ apis, tenants, o, seconds, probe }) => {
  const start = probe.sample();
  const share = Math.max(1, Math.floor(o.connections / apis.length));
  const runs = await Promise.all(
    apis.map((api) => {
      const next = requests(tenants, [api.base], LIST);
      const target = { setup: (req) => ({ ...req, path: LIST, headers: { ...req.headers, ...next().headers } }) };
      return cannon({ base: api.base, target, connections: share, duration: seconds });
    }),
  );
  const cpu = probe.since(start);
  const requestsDone = runs.reduce((a, r) => a + r.result.requests.total, 0);
  const bad = runs.reduce((a, r) => a + r.result.non2xx + r.result.errors + r.result.timeouts, 0);
  return { requestsPerSecond: round(requestsDone / seconds, 0), bad, cpu };
};

/** The median round of a variant (by requests per second). */
const medianRound = (list) => [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(list.length / 2)];

/**
 * One API against two, in rounds rotating over the variants, after a warm-up of each: as they come
 * (the machine shared by everything), and, where cgroups allow it, with every API process capped at
 * `--api-cpu-cap` cores as a container limit would (so the second process brings CPU of its own).
 */
const measureScaling = async ({ apis, workers, tenants, o }) => {
  const probe = cpuProbe({ api: apis.map((a) => a.pid), workers: [workers.pid] });
  for (const api of apis) await fullSpeed({ apis: [api], tenants, o, seconds: o.warmupS, probe });
  const support = o.apiCpuCap > 0 ? cpuCapSupport() : null;
  const variants = {
    one: { apis: [apis[0]] },
    two: { apis },
    ...(support ? { oneCapped: { apis: [apis[0]], cap: o.apiCpuCap }, twoCapped: { apis, cap: o.apiCpuCap } } : {}),
  };
  const keys = Object.keys(variants);
  const rounds = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = 0; r < o.rounds; r++) {
    for (const key of keys.map((_, i) => keys[(i + r) % keys.length])) {
      const v = variants[key];
      log(
        `scaling round ${r + 1}/${o.rounds}: ${v.apis.length} API process(es)${v.cap ? ` capped at ${v.cap} core each` : ''}, ${o.roundS} s`,
      );
      const measure = () => fullSpeed({ apis: v.apis, tenants, o, seconds: o.roundS, probe });
      rounds[key].push(
        v.cap
          ? await withCpuCap(
              support,
              v.apis.map((a) => a.pid),
              v.cap,
              measure,
            )
          : await measure(),
      );
    }
  }
  const pair = (one, two) => ({ one: medianRound(rounds[one]), two: medianRound(rounds[two]) });
  const withRatio = ({ one, two }) => ({ one, two, ratio: round(two.requestsPerSecond / one.requestsPerSecond, 2) });
  return {
    rounds,
    ...withRatio(pair('one', 'two')),
    capped: support ? { cores: o.apiCpuCap, cgroups: support, ...withRatio(pair('oneCapped', 'twoCapped')) } : null,
  };
};

const startApis = async ({ env: common, o, count }) => {
  const env = { ...common, RUSTOK_SERVER__ROLES: 'api' };
  const apis = [];
  for (let i = 0; i < count; i++) apis.push(await startServer({ root: o.root, env, readyTimeoutMs: o.readyTimeoutMs }));
  return apis;
};

const runDeployment = async ({ url, o, problems }) => {
  const env = { ...serverEnv({ environment: 'production', logLevel: 'warn' }), DATABASE_URL: url };
  log('starting the relay/consumers/jobs process (it migrates the database)');
  const workers = await startServer({
    root: o.root,
    env: { ...env, RUSTOK_SERVER__ROLES: 'relay,consumers,jobs' },
    readyTimeoutMs: o.readyTimeoutMs,
  });
  const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 8 });
  const apis = [];
  try {
    const catalog = await prepareCatalog({ db, url, o });
    const { rows } = await withAdmin(url, (c) => c.query('SELECT pg_database_size(current_database())::bigint AS bytes'));
    apis.push(...(await startApis({ env, o, count: 2 })));
    await check(apis[0].base, catalog.tenants);
    const latency = await measureLatency({ api: apis[0], tenants: catalog.tenants, o });
    const scaling = await measureScaling({ apis, workers, tenants: catalog.tenants, o });
    for (const [key, l] of Object.entries(latency)) if (l.failed > 0) problems.push(`latency ${key}: ${l.failed} failed requests`);
    for (const r of [...scaling.rounds.one, ...scaling.rounds.two])
      if (r.bad > 0) problems.push(`scaling: ${r.bad} bad answers in a round`);
    return {
      tenants: catalog.tenants.length,
      products: catalog.tenants.length * o.productsPerTenant,
      seedSeconds: catalog.seedSeconds,
      databaseBytes: Number(rows[0].bytes),
      latency,
      scaling,
    };
  } finally {
    for (const api of apis) await api.stop();
    await workers.stop();
    await db.close().catch(() => {});
  }
};

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  requireIntegers(o, [
    'tenants',
    'productsPerTenant',
    'seedConcurrency',
    'rate',
    'durationS',
    'connections',
    'roundS',
    'rounds',
    'relayEvents',
    'relayRuns',
    'relayBatch',
  ]);
  const loadAverageAtStart = loadAverage();
  const adminUrl = process.env.DATABASE_URL;
  const pg = await probePostgres(adminUrl);
  if (!pg.ok) {
    log(`postgres: skipped (${pg.reason})`);
    return {
      ok: true,
      skipped: [{ target: 'postgres', reason: pg.reason }],
      table: { title: 'scale: skipped', columns: ['reason'], rows: [[pg.reason]] },
    };
  }
  const problems = [];
  const tmp = o.reuse ? { url: String(o.reuse), keep: () => {}, dispose: async () => {} } : await throwAwayDatabase(adminUrl);
  let deployment;
  try {
    deployment = await runDeployment({ url: tmp.url, o, problems });
  } finally {
    if (o.keepDatabase || o.reuse) {
      tmp.keep();
      log(`database kept: ${tmp.url}`);
    } else await tmp.dispose();
  }
  log(`relay: ${o.relayEvents} events over ${o.tenants} tenants, batch ${o.relayBatch}, ${o.relayRuns} runs`);
  const relay = await relayOnPostgres(
    adminUrl,
    { events: o.relayEvents, batchSize: o.relayBatch, tenants: o.tenants, runs: o.relayRuns },
    problems,
  );
  const result = { deployment, relay };
  return {
    ok: problems.length === 0,
    parameters: { ...o, root: undefined },
    postgresVersion: pg.version,
    loadAverageAtStart,
    targets: TARGETS,
    ...result,
    problems,
    tables: scaleTables(result, o, loadAverageAtStart, problems),
  };
}
