// Checkout suite: throughput of POST /api/v1/store/carts/{id}/checkout (orders/s, p50/p99) against
// the built server, and the oversell check (many concurrent checkouts of 1 unit against a small
// stock: exactly `stock` orders, every other answer a clean 409, stock 0 afterwards).
// PostgreSQL when DATABASE_URL is set and reachable (throw-away database); the embedded database
// on request (--targets postgres,embedded) or when PostgreSQL is not available. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { loadAverage, log, probePostgres, requireIntegers, serverEnv, tempDataDir, throwAwayDatabase, withAdmin } from '../lib.mjs';
import { fmtInt, percentile, round } from '../stats.mjs';
import { agent, CHECKOUT_BODY, cpuMs, httpJson, prepareCarts, prepareShop, startServer, stockOf } from './checkout/shop.mjs';

const defaults = {
  targets: null, // postgres when reachable, else embedded
  orders: 3000,
  warmup: 300,
  variants: 1, // carts spread round-robin over this many variants (1 = every checkout on the same stock row)
  connections: 32,
  prepConcurrency: 32,
  oversellAttempts: 500,
  oversellStock: 10,
  target: 300,
  readyTimeoutMs: 120_000,
};

// ---------------------------------------------------------------------------------------------
// Measurements

/** autocannon: one checkout per prepared cart (each with its own Idempotency-Key), sub-ms latencies of every answer. */
const cannonCheckouts = (base, carts, connections) =>
  new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    let next = 0;
    const t0 = performance.now();
    const instance = autocannon(
      {
        url: base,
        connections: Math.min(connections, carts.length),
        amount: carts.length,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const { id, token } = carts[next++ % carts.length];
              return {
                ...req,
                path: `/api/v1/store/carts/${id}/checkout`,
                headers: {
                  'content-type': 'application/json',
                  'x-tenant-id': 'bench',
                  'x-cart-token': token,
                  'idempotency-key': `bench-${id}`,
                },
                body: CHECKOUT_BODY,
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses, elapsedMs: performance.now() - t0 })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
    });
  });

const latencySummary = (values) => {
  const sorted = Float64Array.from(values).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    meanMs: sorted.length ? round(sum / sorted.length, 2) : null,
    p50Ms: round(percentile(sorted, 50), 2),
    p90Ms: round(percentile(sorted, 90), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: sorted.length ? round(sorted[sorted.length - 1], 2) : null,
  };
};

/** Throughput: warm-up, then `orders` checkouts of prepared carts at -c `connections`. */
const measureThroughput = async (base, shop, o, problems, name, pid) => {
  log(`${name}: preparing ${fmtInt(o.warmup + o.orders)} carts`);
  const t0 = performance.now();
  const carts = await prepareCarts(base, shop, shop.plenty, o.warmup + o.orders, o.prepConcurrency);
  const prepSeconds = (performance.now() - t0) / 1000;
  if (o.warmup > 0) {
    log(`${name}: ${o.warmup} warm-up checkouts`);
    await cannonCheckouts(base, carts.slice(0, o.warmup), o.connections);
  }
  const before = await stockOf(base, shop, shop.plenty);
  log(`${name}: ${fmtInt(o.orders)} checkouts at -c ${o.connections}`);
  const cpu0 = cpuMs(pid);
  const run = await cannonCheckouts(base, carts.slice(o.warmup), o.connections);
  const cpu1 = cpuMs(pid);
  const created = run.statuses[201] ?? 0;
  const other = Object.entries(run.statuses).filter(([s]) => s !== '201');
  if (created !== o.orders || other.length > 0)
    problems.push(`${name} throughput: ${created} orders of ${o.orders}, other answers ${JSON.stringify(Object.fromEntries(other))}`);
  const after = await stockOf(base, shop, shop.plenty);
  if (before - after !== created) problems.push(`${name} throughput: stock went from ${before} to ${after} for ${created} orders`);
  return {
    prepareCartsSeconds: round(prepSeconds, 1),
    orders: created,
    seconds: round(run.elapsedMs / 1000, 2),
    ordersPerSecond: round(created / (run.elapsedMs / 1000), 0),
    statuses: run.statuses,
    ...latencySummary(run.latencies),
    autocannon: {
      latencyP50Ms: run.result.latency.p50,
      latencyP99Ms: run.result.latency.p99,
      errors: run.result.errors,
      timeouts: run.result.timeouts,
    },
    serverCpuMsPerOrder: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / Math.max(1, created), 2),
    serverCpuPercent: cpu0 === null || cpu1 === null ? null : round(((cpu1 - cpu0) / run.elapsedMs) * 100, 0),
    stockBefore: before,
    stockAfter: after,
  };
};

/** Oversell: `attempts` carts of 1 scarce unit, every checkout sent at once. */
const oversellCheck = async (base, shop, o, problems, name, sql) => {
  log(`${name}: oversell check, ${o.oversellAttempts} concurrent checkouts against ${o.oversellStock} in stock`);
  const carts = await prepareCarts(base, shop, [shop.scarce], o.oversellAttempts, o.prepConcurrency);
  const guest = { 'x-tenant-id': 'bench', 'content-type': 'application/json' };
  const t0 = performance.now();
  const answers = await Promise.all(
    carts.map(({ id, token }) =>
      httpJson('POST', `${base}/api/v1/store/carts/${id}/checkout`, {
        headers: { ...guest, 'x-cart-token': token, 'idempotency-key': `over-${id}` },
        body: JSON.parse(CHECKOUT_BODY),
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const created = answers.filter((a) => a.status === 201).length;
  const clean409 = answers.filter((a) => a.status === 409 && a.body?.code === 'COMMERCE_INSUFFICIENT_STOCK').length;
  const stockAfter = await stockOf(base, shop, [shop.scarce]);
  const reservations = sql ? await sql(shop.scarce) : null;
  const passed =
    created === o.oversellStock &&
    clean409 === o.oversellAttempts - o.oversellStock &&
    stockAfter === 0 &&
    (reservations === null || reservations === o.oversellStock);
  if (!passed) {
    problems.push(
      `${name} oversell: ${created} orders (expected ${o.oversellStock}), ${clean409} clean 409s (expected ${o.oversellAttempts - o.oversellStock}), stock ${stockAfter}, reservations ${reservations}`,
    );
  }
  return {
    attempts: o.oversellAttempts,
    stock: o.oversellStock,
    orders: created,
    clean409,
    stockAfter,
    reservations,
    seconds: round(seconds, 2),
    passed,
  };
};

// ---------------------------------------------------------------------------------------------

/** Server environment and clean-up for a target; on PostgreSQL also a SQL probe of held reservations. */
const targetEnv = async (name, adminUrl) => {
  const base = serverEnv({ environment: 'production', logLevel: 'warn' });
  if (name !== 'postgres') {
    const tmp = tempDataDir();
    return { env: { ...base, RUSTOK_DATABASE__DATA_DIR: tmp.dir }, dispose: tmp.dispose, sql: null };
  }
  const tmp = await throwAwayDatabase(adminUrl);
  const sql = (variantId) =>
    withAdmin(tmp.url, async (c) => {
      const r = await c.query(
        "SELECT coalesce(sum(quantity), 0)::int AS n FROM commerce_reservations WHERE variant_id = $1 AND status = 'held'",
        [variantId],
      );
      return r.rows[0].n;
    });
  return { env: { ...base, DATABASE_URL: tmp.url }, dispose: tmp.dispose, sql };
};

const benchTarget = async ({ name, root, o, problems, adminUrl }) => {
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const adminEmail = 'bench-admin@example.com';
  const { env, dispose, sql } = await targetEnv(name, adminUrl);
  try {
    const running = await startServer({ root, env: { ...env, RUSTOK_ADMIN_EMAIL: adminEmail, RUSTOK_ADMIN_PASSWORD: password }, o });
    try {
      const shop = await prepareShop(running.base, adminEmail, password, o);
      const throughput = await measureThroughput(running.base, shop, o, problems, name, running.pid);
      const oversell = await oversellCheck(running.base, shop, o, problems, name, sql);
      return { throughput, oversell };
    } finally {
      const exit = await running.stop();
      if (exit.code !== 0) problems.push(`${name}: server exit code ${exit.code} (signal ${exit.signal})`);
    }
  } finally {
    await dispose();
  }
};

const rowOf = (o, name, r) => [
  name,
  fmtInt(r.throughput.orders),
  o.connections,
  fmtInt(r.throughput.ordersPerSecond),
  r.throughput.p50Ms,
  r.throughput.p99Ms,
  r.throughput.serverCpuMsPerOrder === null ? null : `${r.throughput.serverCpuMsPerOrder} ms (${r.throughput.serverCpuPercent} %)`,
  r.throughput.ordersPerSecond >= o.target ? 'yes' : 'no',
  `${r.oversell.passed ? 'pass' : 'FAIL'}: ${r.oversell.orders} orders / ${r.oversell.clean409} × 409, stock ${r.oversell.stockAfter}`,
];

const tableOf = ({ o, results, loadAverageAtStart, skipped, problems }) => ({
  title: `checkout: POST /api/v1/store/carts/{id}/checkout, built server (RUSTOK_ENV=production, LOG_LEVEL=warn), autocannon -c ${o.connections}`,
  columns: [
    'database',
    'orders',
    'conc',
    'orders/s',
    'p50 ms',
    'p99 ms',
    'server CPU / order',
    `≥ ${o.target}/s`,
    `oversell (${o.oversellAttempts} at once vs ${o.oversellStock} in stock)`,
  ],
  rows: Object.entries(results).map(([name, r]) => rowOf(o, name, r)),
  notes: [
    `each cart: 1 unit of a published variant (${o.variants === 1 ? 'every cart the same variant: one hot stock row' : `round-robin over ${o.variants} variants`}), tax rate (US 8.25 %) and flat shipping set; each checkout has its own Idempotency-Key; ${o.warmup} warm-up checkouts not counted`,
    'server CPU / order: CPU time of the server process during the measured run / orders (and its share of one core)',
    'a checkout re-prices the lines, reserves stock (row locks in variant order + conditional UPDATE), writes order, lines, reservations and history, completes the cart and writes the events to the outbox, in one transaction',
    `oversell check: ${o.oversellAttempts} carts of 1 unit of a variant with ${o.oversellStock} in stock, all checkouts sent at once; passes when exactly ${o.oversellStock} orders, every other answer 409 COMMERCE_INSUFFICIENT_STOCK, stock 0${results.postgres ? ' and held reservations = stock (SQL)' : ''}`,
    `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores; autocannon runs in the bench process on the same cores as the server and the database`,
    ...skipped.map((s) => `skipped ${s.target}: ${s.reason}`),
    ...problems.map((p) => `PROBLEM: ${p}`),
  ],
});

/** The targets asked for (default: postgres when reachable, else embedded). */
const targetsOf = (o, pg, skipped) => {
  const wanted = o.targets ? String(o.targets).split(',') : [pg.ok ? 'postgres' : 'embedded'];
  for (const t of wanted)
    if (!['postgres', 'embedded'].includes(t)) throw new Error(`--targets: unknown target "${t}" (postgres, embedded)`);
  if (!pg.ok) {
    skipped.push({ target: 'postgres', reason: pg.reason });
    log(`postgres: skipped (${pg.reason})`);
  }
  return wanted.filter((t) => t !== 'postgres' || pg.ok);
};

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['orders', 'variants', 'connections', 'prepConcurrency', 'oversellAttempts', 'oversellStock', 'target']);
  requireIntegers(o, ['warmup'], 0);
  if (o.oversellStock >= o.oversellAttempts) throw new Error('--oversell-stock must be below --oversell-attempts');
  const loadAverageAtStart = loadAverage();
  const problems = [];
  const skipped = [];
  const adminUrl = process.env.DATABASE_URL;
  const pg = await probePostgres(adminUrl);
  const targets = targetsOf(o, pg, skipped);
  const results = {};
  for (const name of targets) results[name] = await benchTarget({ name, root: o.root, o, problems, adminUrl });
  agent.destroy();
  const { orders, variants, warmup, connections, oversellAttempts, oversellStock, target } = o;
  return {
    ok: problems.length === 0,
    parameters: { targets, orders, variants, warmup, connections, oversellAttempts, oversellStock, target },
    loadAverageAtStart,
    ...(pg.ok ? { postgresVersion: pg.version } : {}),
    results,
    targetMet: Object.fromEntries(Object.entries(results).map(([n, r]) => [n, r.throughput.ordersPerSecond >= o.target])),
    skipped,
    problems,
    table: tableOf({ o, results, loadAverageAtStart, skipped, problems }),
  };
}
