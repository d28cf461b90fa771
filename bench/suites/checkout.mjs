// Checkout suite: throughput of POST /api/v1/store/carts/{id}/checkout (orders/s, p50/p99) against
// the built server, and the oversell check (many concurrent checkouts of 1 unit against a small
// stock: exactly `stock` orders, every other answer a clean 409, stock 0 afterwards).
// PostgreSQL when DATABASE_URL is set and reachable (throw-away database); the embedded database
// on request (--targets postgres,embedded) or when PostgreSQL is not available. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import {
  fmtInt,
  freePort,
  loadAverage,
  log,
  percentile,
  probePostgres,
  requireIntegers,
  round,
  serverEnv,
  spawnServer,
  tempDataDir,
  throwAwayDatabase,
  waitReady,
  withAdmin,
  withTimeout,
} from '../lib.mjs';

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

const ADDRESS = { name: 'Bench Buyer', line1: '1 Load St', city: 'Benchton', postalCode: '10001', countryCode: 'US' };
const CHECKOUT_BODY = JSON.stringify({ email: 'buyer@bench.example.com', shippingAddress: ADDRESS });

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });

/** One JSON request over a keep-alive agent: { status, body }. */
const httpJson = (method, url, { headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      url,
      {
        method,
        agent,
        timeout: 60_000,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.once('end', () => {
          let parsed = text;
          try {
            parsed = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode, body: parsed });
        });
      },
    );
    req.once('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.once('error', reject);
    req.end(payload);
  });

/** `httpJson` that insists on the status. */
const expectJson = async (method, url, options, status) => {
  const res = await httpJson(method, url, options);
  if (res.status !== status) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
};

/** Runs fn over 0..n-1, `limit` at a time. */
const pool = async (n, limit, fn) => {
  const out = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return out;
};

// ---------------------------------------------------------------------------------------------
// The server and the shop

const startServer = async ({ root, env, o }) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawnServer({ root, env, port });
  const stop = async () => {
    if (server.exitInfo) return server.exitInfo;
    server.child.kill('SIGTERM');
    try {
      return await withTimeout(server.exited, 20_000, 'server shutdown');
    } catch {
      server.child.kill('SIGKILL');
      return server.exited;
    }
  };
  try {
    await waitReady({ url: `${base}/health/ready`, server, t0: performance.now(), timeoutMs: o.readyTimeoutMs, pollMs: 20 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, pid: server.child.pid };
};

/** CPU time (user + system, ms) a process has used so far (Linux /proc), or null elsewhere. */
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
};

const login = (base, tenant, email, password) =>
  expectJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } }, 200);

/** Tenant `bench` with an owner (role admin) made by the bootstrapped super_admin; a published product with a plentiful and a scarce variant; tax and shipping. */
const prepareShop = async (base, adminEmail, password, o) => {
  const admin = await login(base, 'default', adminEmail, password);
  await expectJson(
    'POST',
    `${base}/api/v1/platform/tenants`,
    {
      headers: { authorization: `Bearer ${admin.accessToken}` },
      body: { name: 'Bench', slug: 'bench', owner: { email: 'owner@bench.example.com', password } },
    },
    201,
  );
  const owner = await login(base, 'bench', 'owner@bench.example.com', password);
  const headers = { authorization: `Bearer ${owner.accessToken}`, 'x-tenant-id': 'bench' };
  const variant = (title, sku, inventory) => ({ title, sku, prices: [{ amount: 1999, currencyCode: 'USD' }], inventory });
  const plenty = Array.from({ length: o.variants }, (_, i) => variant(`Plenty ${i + 1}`, `BENCH-PLENTY-${i + 1}`, 100_000_000));
  const product = await expectJson(
    'POST',
    `${base}/api/v1/commerce/products`,
    {
      headers,
      body: {
        title: 'Bench product',
        status: 'published',
        variants: [...plenty, variant('Scarce', 'BENCH-SCARCE', o.oversellStock)],
      },
    },
    201,
  );
  await expectJson('POST', `${base}/api/v1/commerce/tax-rates`, { headers, body: { countryCode: 'US', name: 'Tax', rateBp: 825 } }, 201);
  const shipping = await expectJson(
    'POST',
    `${base}/api/v1/commerce/shipping-options`,
    { headers, body: { name: 'Flat', currencyCode: 'USD', amount: 599 } },
    201,
  );
  const bySku = Object.fromEntries(product.variants.map((v) => [v.sku, v.id]));
  return { headers, plenty: plenty.map((v) => bySku[v.sku]), scarce: bySku['BENCH-SCARCE'], shippingId: shipping.id };
};

/** `n` guest carts holding one unit of a variant (round-robin over `variantIds`), with country and shipping set (3 requests each). */
const prepareCarts = (base, shop, variantIds, n, concurrency) => {
  const guest = { 'x-tenant-id': 'bench' };
  return pool(n, concurrency, async (i) => {
    const variantId = variantIds[i % variantIds.length];
    const cart = await expectJson('POST', `${base}/api/v1/store/carts`, { headers: guest, body: { currencyCode: 'USD' } }, 201);
    await expectJson('POST', `${base}/api/v1/store/carts/${cart.id}/items`, { headers: guest, body: { variantId, quantity: 1 } }, 200);
    await expectJson(
      'PATCH',
      `${base}/api/v1/store/carts/${cart.id}`,
      { headers: guest, body: { countryCode: 'US', shippingOptionId: shop.shippingId } },
      200,
    );
    return cart.id;
  });
};

const stockOf = async (base, shop, variantIds) => {
  let sum = 0;
  for (const id of variantIds)
    sum += (await expectJson('GET', `${base}/api/v1/commerce/inventory/${id}`, { headers: shop.headers }, 200)).available;
  return sum;
};

// ---------------------------------------------------------------------------------------------
// Measurements

/** autocannon: one checkout per prepared cart (each with its own Idempotency-Key), sub-ms latencies of every answer. */
const cannonCheckouts = (base, cartIds, connections) =>
  new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    let next = 0;
    const t0 = performance.now();
    const instance = autocannon(
      {
        url: base,
        connections: Math.min(connections, cartIds.length),
        amount: cartIds.length,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const id = cartIds[next++ % cartIds.length];
              return {
                ...req,
                path: `/api/v1/store/carts/${id}/checkout`,
                headers: { 'content-type': 'application/json', 'x-tenant-id': 'bench', 'idempotency-key': `bench-${id}` },
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
    carts.map((id) =>
      httpJson('POST', `${base}/api/v1/store/carts/${id}/checkout`, {
        headers: { ...guest, 'idempotency-key': `over-${id}` },
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

const benchTarget = async ({ name, root, o, problems, adminUrl }) => {
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const adminEmail = 'bench-admin@example.com';
  const base = serverEnv({ environment: 'production', logLevel: 'warn' });
  let dispose;
  let env;
  let sql = null;
  if (name === 'postgres') {
    const tmp = await throwAwayDatabase(adminUrl);
    env = { ...base, DATABASE_URL: tmp.url };
    dispose = tmp.dispose;
    sql = (variantId) =>
      withAdmin(tmp.url, async (c) => {
        const r = await c.query(
          "SELECT coalesce(sum(quantity), 0)::int AS n FROM commerce_reservations WHERE variant_id = $1 AND status = 'held'",
          [variantId],
        );
        return r.rows[0].n;
      });
  } else {
    const tmp = tempDataDir();
    env = { ...base, RUSTOK_DATABASE__DATA_DIR: tmp.dir };
    dispose = tmp.dispose;
  }
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
  const wanted = o.targets ? String(o.targets).split(',') : [pg.ok ? 'postgres' : 'embedded'];
  for (const t of wanted)
    if (!['postgres', 'embedded'].includes(t)) throw new Error(`--targets: unknown target "${t}" (postgres, embedded)`);
  if (!pg.ok) {
    skipped.push({ target: 'postgres', reason: pg.reason });
    log(`postgres: skipped (${pg.reason})`);
  }
  const results = {};
  for (const name of wanted) {
    if (name === 'postgres' && !pg.ok) continue;
    results[name] = await benchTarget({ name, root: o.root, o, problems, adminUrl });
  }
  agent.destroy();
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    fmtInt(r.throughput.orders),
    o.connections,
    fmtInt(r.throughput.ordersPerSecond),
    r.throughput.p50Ms,
    r.throughput.p99Ms,
    r.throughput.serverCpuMsPerOrder === null ? null : `${r.throughput.serverCpuMsPerOrder} ms (${r.throughput.serverCpuPercent} %)`,
    r.throughput.ordersPerSecond >= o.target ? 'yes' : 'no',
    `${r.oversell.passed ? 'pass' : 'FAIL'}: ${r.oversell.orders} orders / ${r.oversell.clean409} × 409, stock ${r.oversell.stockAfter}`,
  ]);
  const table = {
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
    rows,
    notes: [
      `each cart: 1 unit of a published variant (${o.variants === 1 ? 'every cart the same variant: one hot stock row' : `round-robin over ${o.variants} variants`}), tax rate (US 8.25 %) and flat shipping set; each checkout has its own Idempotency-Key; ${o.warmup} warm-up checkouts not counted`,
      'server CPU / order: CPU time of the server process during the measured run / orders (and its share of one core)',
      'a checkout re-prices the lines, reserves stock (row locks in variant order + conditional UPDATE), writes order, lines, reservations and history, completes the cart and writes the events to the outbox, in one transaction',
      `oversell check: ${o.oversellAttempts} carts of 1 unit of a variant with ${o.oversellStock} in stock, all checkouts sent at once; passes when exactly ${o.oversellStock} orders, every other answer 409 COMMERCE_INSUFFICIENT_STOCK, stock 0${results.postgres ? ' and held reservations = stock (SQL)' : ''}`,
      `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores; autocannon runs in the bench process on the same cores as the server and the database`,
      ...skipped.map((s) => `skipped ${s.target}: ${s.reason}`),
      ...problems.map((p) => `PROBLEM: ${p}`),
    ],
  };
  return {
    ok: problems.length === 0,
    parameters: {
      targets: wanted,
      orders: o.orders,
      warmup: o.warmup,
      connections: o.connections,
      oversellAttempts: o.oversellAttempts,
      oversellStock: o.oversellStock,
      target: o.target,
    },
    loadAverageAtStart,
    ...(pg.ok ? { postgresVersion: pg.version } : {}),
    results,
    targetMet: Object.fromEntries(Object.entries(results).map(([n, r]) => [n, r.throughput.ordersPerSecond >= o.target])),
    skipped,
    problems,
    table,
  };
}
