// Scripting suite, server part: the built server (scripting on), one tenant, then
// - event → script effect: product renames through PATCH /api/v1/commerce/products/{id} at a steady
//   `--rate` (100/s); a script with an event trigger on commerce.product.updated answers each by
//   posting to a receiver on loopback (ctx.http.fetch). Latency: the event's occurredAt → the
//   script's request arriving at the receiver (same clock), p50/p99, with lost and duplicate effects;
// - CPU burn: the p99 of an unrelated route (GET /api/v1/commerce/products/{id}) under autocannon,
//   idle and while scripts burn their CPU budget (each run spins ~45 ms of its 50 ms; the tenant's
//   concurrency kept full), in alternating rounds (A/B/A/B…), and their ratio (target ≤ 1.2): first at
//   the route's full speed (closed loop: what the burn costs in capacity), then paced at `--paced-share`
//   (0.4) of the idle full-speed req/s, open loop with evenly spaced requests (paced-load.mjs: the
//   latency the route's requests see at a load it can carry).
// PostgreSQL (a throw-away database) when DATABASE_URL is set and reachable, else the embedded database.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { log, onCleanup, percentile, serverEnv, sleep, tempDataDir, throwAwayDatabase } from '../lib.mjs';
import { round } from '../stats.mjs';
import { ADMIN_EMAIL, must, prepareShop } from './bench-shop.mjs';
import { pacedLoad } from './paced-load.mjs';
import { loopProbe } from './server-loop.mjs';
import { cannon, httpJson, startServer, summary } from './storefront-http.mjs';

const TENANT = 'bench';

/** A receiver on loopback noting each script request: { eventId, occurredAt, at }. */
const startReceiver = async () => {
  const seen = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        seen.push({ eventId: body.eventId, occurredAt: Date.parse(body.occurredAt), at });
      } catch {}
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => server.close(() => resolve()));
  const remove = onCleanup(close);
  return {
    seen,
    url: `http://127.0.0.1:${server.address().port}/effect`,
    close: async () => {
      remove();
      await close();
    },
  };
};

const createScript = async (base, headers, body) =>
  must(await httpJson('POST', `${base}/api/v1/scripting/scripts`, { headers, body }), 201, `POST script ${body.name}`);

/** `total` renames at `rate` per second (open loop, at most 64 in flight): { ok, failed, seconds }. */
const steadyRenames = async ({ base, headers, products, total, rate }) => {
  let failed = 0;
  const pending = new Set();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    while (pending.size >= 64) await Promise.race(pending);
    const id = products[i % products.length];
    const p = httpJson('PATCH', `${base}/api/v1/commerce/products/${id}`, { headers, body: { title: `Renamed ${i}` } })
      .then(
        (res) => res.status === 200 || failed++,
        () => failed++,
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  }
  await Promise.all(pending);
  return { ok: total - failed, failed, seconds: round((performance.now() - t0) / 1000, 1) };
};

/** Waits until `expected` effects arrived or none came for 15 s. */
const waitEffects = async (receiver, expected) => {
  let last = -1;
  let since = Date.now();
  while (new Set(receiver.seen.map((s) => s.eventId)).size < expected && Date.now() - since < 15_000) {
    if (receiver.seen.length !== last) [last, since] = [receiver.seen.length, Date.now()];
    await sleep(100);
  }
};

const eventToEffect = async ({ base, headers, products, receiver, o, problems }) => {
  const body = '{ method: "POST", body: { eventId: ctx.event.id, occurredAt: ctx.event.occurredAt } }';
  await createScript(base, headers, {
    name: 'effect',
    source: `await ctx.http.fetch(${JSON.stringify(receiver.url)}, ${body});`,
    triggers: [{ kind: 'event', eventTypes: ['commerce.product.updated'] }],
  });
  log(`event → effect: warm-up, ${o.warmupEvents} renames at ${o.rate}/s`);
  const warm = await steadyRenames({ base, headers, products, total: o.warmupEvents, rate: o.rate });
  await waitEffects(receiver, warm.ok);
  receiver.seen.length = 0;
  log(`event → effect: ${o.events} renames at ${o.rate}/s`);
  const writes = await steadyRenames({ base, headers, products, total: o.events, rate: o.rate });
  await waitEffects(receiver, writes.ok);
  const firsts = new Map();
  for (const s of receiver.seen) if (!firsts.has(s.eventId)) firsts.set(s.eventId, s);
  const duplicates = receiver.seen.length - firsts.size;
  const lost = Math.max(0, writes.ok - firsts.size);
  if (writes.failed > 0) problems.push(`event → effect: ${writes.failed} writes failed`);
  if (lost > 0) problems.push(`event → effect: ${lost} of ${writes.ok} effects never arrived`);
  if (duplicates > 0) problems.push(`event → effect: ${duplicates} duplicate effects`);
  return { writes, effects: firsts.size, lost, duplicates, latency: summary([...firsts.values()].map((s) => s.at - s.occurredAt)) };
};

/** A manual run of script `id` with `body`: { status, body } (the run's report). */
const runScript = (base, headers, id, body) => httpJson('POST', `${base}/api/v1/scripting/scripts/${id}/run`, { headers, body });

/** Keeps `parallel` runs of the spinning script going until `stop()`: { stop → { runs, failed } }. */
const burner = (base, headers, spin, parallel) => {
  let running = true;
  let runs = 0;
  let failed = 0;
  const loop = async () => {
    while (running) {
      const res = await runScript(base, headers, spin.id, spin.body).catch(() => null);
      runs++;
      if (res?.status !== 200 || res.body.ok !== true) failed++;
    }
  };
  const loops = Array.from({ length: parallel }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { runs, failed };
    },
  };
};

/**
 * A script doing `ctx.input.n` steps of arithmetic, and the `n` that takes `burnMs` of CPU time (the
 * runs' own reports, median of three, scaled from a short run). Work, not a clock: a run the
 * requests push aside takes longer and still spends its CPU time.
 */
const spinScript = async (base, headers, burnMs) => {
  const created = await createScript(base, headers, {
    name: 'spin',
    source: 'const n = ctx.input.n; let x = 0; for (let i = 0; i < n; i++) x = (x + i) % 1000003; return x;',
  });
  const cpuOf = async (n) => must(await runScript(base, headers, created.id, { input: { n } }), 200, 'calibrating run').cpuMs;
  const probe = 200_000;
  const samples = [];
  for (let i = 0; i < 3; i++) samples.push(await cpuOf(probe));
  const perStep = samples.sort((a, b) => a - b)[1] / probe;
  const n = Math.round(burnMs / perStep);
  return { id: created.id, n, body: { input: { n } } };
};

const cpuBurn = async ({ base, headers, products, o }) => {
  const spin = await spinScript(base, headers, o.burnMs);
  log(`cpu burn: ${spin.n} steps take ~${o.burnMs} ms of CPU per run`);
  const target = {
    method: 'GET',
    headers: { 'x-tenant-id': TENANT },
    setup: (req) => ({ ...req, path: `/api/v1/commerce/products/${products[0]}` }),
  };
  const full = await burnRounds({ base, headers, target, spin, o, label: 'full speed' });
  const overallRate = Math.max(1, Math.round(full.idle.requestsPerSecond * o.pacedShare));
  const paced = await burnRounds({ base, headers, target, spin, o, label: `paced at ${overallRate}/s`, overallRate });
  return { ...full, paced: { ...paced, overallRate } };
};

/** One round on the route: autocannon at full speed, or the paced open-loop load when `overallRate` is given. */
const loadRound = async ({ base, target, o, overallRate }) => {
  if (overallRate) {
    const path = target.setup({}).path;
    return pacedLoad({ url: `${base}${path}`, headers: target.headers, rate: overallRate, durationS: o.roundS });
  }
  const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.roundS });
  return { requestsPerSecond: round(result.requests.total / result.duration, 0), ...summary(latencies) };
};

/**
 * Alternating idle / burning rounds on the route (paced when `overallRate` is given): mean req/s, the
 * median round's p50 and p99 (a round hit by a stall from elsewhere on the machine does not decide
 * the figure), and the p99 ratio.
 */
const burnRounds = async ({ base, headers, target, spin, o, label, overallRate }) => {
  const rounds = { idle: [], burning: [] };
  const count = overallRate ? o.pacedRounds : o.rounds;
  for (let r = 0; r < count * 2; r++) {
    const variant = r % 2 === 0 ? 'idle' : 'burning';
    log(
      `cpu burn, ${label}: round ${Math.floor(r / 2) + 1}/${count}, ${variant}, ${overallRate ? 'open loop' : `-c ${o.connections}`} for ${o.roundS} s`,
    );
    const burn = variant === 'burning' ? burner(base, headers, spin, o.burners) : null;
    if (burn) await sleep(500);
    const probe = await loopProbe(base);
    const startedAt = new Date().toISOString();
    const measured = await loadRound({ base, target, o, overallRate });
    const server = await probe.end();
    const scripts = burn ? await burn.stop() : null;
    rounds[variant].push({ startedAt, ...measured, scripts, server });
    const gcOver10 = Object.values(server.gc).reduce((a, g) => a + g.over10ms, 0);
    const { gets } = server;
    log(
      `  p50 ${measured.p50Ms} / p99 ${measured.p99Ms} ms; server: loop lag max ${server.loopLagMaxMs} ms, ${gcOver10} GC pauses over 10 ms, ${gets.over50ms} of ${gets.count} GETs over 50 ms`,
    );
    await sleep(1_000);
  }
  const mean = (list, key) => round(list.reduce((a, x) => a + x[key], 0) / list.length, 2);
  const median = (list, key) => round(percentile(Float64Array.from(list, (x) => x[key]).sort(), 50), 2);
  const of = (list) => ({ requestsPerSecond: mean(list, 'requestsPerSecond'), p50Ms: median(list, 'p50Ms'), p99Ms: median(list, 'p99Ms') });
  const idle = of(rounds.idle);
  const burning = of(rounds.burning);
  return { rounds, idle, burning, p99Ratio: round(burning.p99Ms / idle.p99Ms, 2) };
};

/** Server environment for a target: the embedded database in a temporary folder, or a throw-away PostgreSQL database. */
const targetEnv = async (name, adminUrl) => {
  const base = serverEnv({ environment: 'production', logLevel: 'warn' });
  if (name !== 'postgres') {
    const tmp = tempDataDir();
    return { env: { ...base, RUSTOK_DATABASE__DATA_DIR: tmp.dir }, dispose: tmp.dispose };
  }
  const tmp = await throwAwayDatabase(adminUrl);
  return { env: { ...base, DATABASE_URL: tmp.url }, dispose: tmp.dispose };
};

/** Both measures on one server of a target. */
export const benchServer = async ({ name, o, problems, adminUrl }) => {
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const { env, dispose } = await targetEnv(name, adminUrl);
  const receiver = await startReceiver();
  try {
    const server = await startServer({
      root: o.root,
      env: {
        ...env,
        RUSTOK_SETTINGS__RUSTOK__SCRIPTING__ALLOW_NETWORKS: '["127.0.0.1/32"]',
        // A spinning run that a busy machine pushes past its budget fails; the script must stay on for the next round.
        RUSTOK_SETTINGS__RUSTOK__SCRIPTING__MAX_CONSECUTIVE_FAILURES: '10000',
        // The burn is sustained for the whole round (the worst case): no CPU time per minute limits it.
        RUSTOK_SETTINGS__RUSTOK__SCRIPTING__CPU_MS_PER_MINUTE: '0',
        ...(o.pollMs ? { RUSTOK_SETTINGS__RUSTOK__SCRIPTING__POLL_MS: String(o.pollMs) } : {}),
        RUSTOK_ADMIN_EMAIL: ADMIN_EMAIL,
        RUSTOK_ADMIN_PASSWORD: password,
      },
      readyTimeoutMs: 180_000,
    });
    try {
      log(`${name}: tenant and ${o.products} products`);
      const productOf = (i) => ({
        title: `Bench product ${i}`,
        status: 'published',
        variants: [{ title: 'One', sku: `BENCH-${i}`, inventory: 10 }],
      });
      const { headers, products } = await prepareShop({ base: server.base, password, slug: TENANT, count: o.products, productOf });
      const common = { base: server.base, headers, products, o, problems };
      const effect = await eventToEffect({ ...common, receiver });
      const burn = await cpuBurn(common);
      return { eventToEffect: effect, cpuBurn: burn };
    } finally {
      const exit = await server.stop();
      if (exit.code !== 0) problems.push(`${name}: server exit code ${exit.code} (signal ${exit.signal})`);
    }
  } finally {
    await receiver.close();
    await dispose();
  }
};
