// Notifications suite: webhook fan-out through the real write path. The built server, one tenant,
// `--endpoints` (10) receivers on loopback (plain node http servers answering 200) each with an
// endpoint subscribed to commerce.product.*; then
// - fan-out: `--events` (10,000) product renames through PATCH /api/v1/commerce/products/{id} at a
//   steady `--rate`: deliveries/s and the latency from the event (its occurredAt, the body's
//   `timestamp`) to the delivery's arrival at the receiver; every (endpoint, webhook-id) counted, lost
//   and duplicated deliveries reported;
// - write overhead: the same renames at full speed (autocannon) with the endpoints off and on, in
//   alternating rounds (A/B/A/B…): req/s and p99 of each, and their ratio.
// PostgreSQL (a throw-away database) when DATABASE_URL is set and reachable, else the embedded
// database; `--targets postgres,embedded` runs both. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  loadAverage,
  log,
  onCleanup,
  probePostgres,
  requireIntegers,
  serverEnv,
  sleep,
  tempDataDir,
  throwAwayDatabase,
  withAdmin,
} from '../lib.mjs';
import { fmtInt, round } from '../stats.mjs';
import { cpuMs as cpuOfPid } from './checkout/shop.mjs';

/** CPU ms of the server processes (one, or the api and the worker of a split run); null when one cannot be read. */
const cpuMs = (pids) => {
  const each = [pids].flat().map(cpuOfPid);
  return each.some((v) => v === null) ? null : each.reduce((a, b) => a + b, 0);
};

import { ADMIN_EMAIL, must, prepareShop } from './bench-shop.mjs';
import { cannon, httpJson, startServer, summary } from './storefront-http.mjs';

const defaults = {
  targets: null, // postgres when reachable, else embedded
  events: 10_000,
  endpoints: 10,
  rate: 120, // events per second offered by the fan-out writes (× endpoints: 1,200 deliveries/s, above the 1,000/s target)
  maxInFlight: 64, // fan-out writes in flight at most (open loop until then)
  products: 100,
  warmupEvents: 300,
  rounds: 4, // overhead rounds per variant (A/B alternating): two 8 s rounds each left the ratio ±4 % from run to run
  roundS: 8,
  connections: 16,
  drainTimeoutS: 300,
  deliveryTarget: 1_000, // deliveries/s
  p99TargetMs: 1_000,
  overheadTargetPercent: 10,
  readyTimeoutMs: 180_000,
  // --split N (PostgreSQL): the API in one process (roles api), the relay, consumers and jobs in another at nice N.
  split: null,
  // Server settings passed on only when given: --poll-ms, --concurrency, --timeout-ms, --send-at-once false
  // (settings.rustok.notifications.webhooks).
};

const TENANT = 'bench';
const SUBSCRIBED = ['commerce.product.*'];

// ---------------------------------------------------------------------------------------------
// Receivers: plain node http servers on loopback, answering 200 at once; each message is noted with
// its arrival time, its webhook-id and the body's timestamp (the event's occurredAt).

const startReceivers = async (count) => {
  const state = { messages: [], errors: 0 };
  const servers = [];
  for (let i = 0; i < count; i++) {
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const at = Date.now();
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          state.messages.push({ endpoint: i, id: req.headers['webhook-id'], at, occurredAt: Date.parse(body.timestamp), type: body.type });
        } catch {
          state.errors++;
        }
      });
    });
    // A receiver behind a proxy keeps connections open for a while (nginx: 75 s); node's default is 5 s.
    server.keepAliveTimeout = 60_000;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    servers.push(server);
  }
  const close = async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(() => resolve()));
    }
  };
  const remove = onCleanup(close);
  return {
    state,
    urls: servers.map((s) => `http://127.0.0.1:${s.address().port}/hook`),
    /** Forgets what arrived so far: the next phase counts from zero. */
    reset: () => {
      state.messages = [];
      state.errors = 0;
    },
    close: async () => {
      remove();
      await close();
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The shop: tenant, owner, products, endpoints

const createEndpoints = async (base, headers, urls) => {
  const ids = [];
  for (const url of urls) {
    const body = { url, eventTypes: SUBSCRIBED, description: 'bench receiver' };
    ids.push(must(await httpJson('POST', `${base}/api/v1/notifications/webhooks`, { headers, body }), 201, 'POST webhook').id);
  }
  return ids;
};

/**
 * Turns every endpoint on or off (off cancels its pending deliveries). While deliveries are being
 * recorded the endpoint's row is being updated too (its failure count): a 409 is retried.
 */
const setEndpoints = async (base, headers, ids, active) => {
  let conflicts = 0;
  for (const id of ids) {
    for (let attempt = 1; ; attempt++) {
      const res = await httpJson('PATCH', `${base}/api/v1/notifications/webhooks/${id}`, { headers, body: { active } });
      if (res.status !== 409 || attempt === 50) {
        must(res, 200, 'PATCH webhook');
        break;
      }
      conflicts++;
      await sleep(20);
    }
  }
  return conflicts;
};

// ---------------------------------------------------------------------------------------------
// Writes

let renames = 0;
const rename = async (base, headers, id) => {
  const res = await httpJson('PATCH', `${base}/api/v1/commerce/products/${id}`, { headers, body: { title: `Renamed ${++renames}` } });
  return res.status === 200;
};

/** `total` renames at `rate` per second (open loop, at most `maxInFlight` at once): { ok, failed, startedAt, seconds }. */
const steadyRenames = async ({ base, headers, products, total, rate, maxInFlight }) => {
  let failed = 0;
  let inFlight = 0;
  const pending = new Set();
  const startedAt = Date.now();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= maxInFlight) await Promise.race(pending);
    inFlight++;
    const p = rename(base, headers, products[i % products.length])
      .then(
        (ok) => {
          if (!ok) failed++;
        },
        () => failed++,
      )
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  }
  await Promise.all(pending);
  const seconds = (performance.now() - t0) / 1000;
  return { ok: total - failed, failed, startedAt, seconds, achievedRate: round(total / seconds, 0) };
};

/** Waits until `expected` distinct deliveries arrived, or nothing new came for `quietMs`, or `timeoutMs`: true when all arrived. */
const waitDeliveries = async (receivers, expected, { quietMs = 15_000, timeoutMs }) => {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const n = receivers.state.messages.length;
    if (distinct(receivers.state.messages) >= expected) return true;
    if (n !== last) {
      last = n;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > quietMs || Date.now() - started > timeoutMs) return false;
    await sleep(100);
  }
};

const keyOf = (m) => `${m.endpoint} ${m.id}`;
const distinct = (messages) => new Set(messages.map(keyOf)).size;

/** On PostgreSQL: waits until the outbox and the delivery queue are empty (the embedded database cannot be read beside the server). */
const waitIdle = async (sqlUrl, timeoutMs = 120_000) => {
  if (!sqlUrl) return sleep(2_000);
  const started = Date.now();
  for (;;) {
    const { rows } = await withAdmin(sqlUrl, (c) =>
      c.query(
        `SELECT (SELECT count(*) FROM sys_events WHERE status = 'pending')::int AS events,
                (SELECT count(*) FROM notifications_webhook_queue)::int AS queued`,
      ),
    );
    if (rows[0].events === 0 && rows[0].queued === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`not idle after ${timeoutMs} ms: ${JSON.stringify(rows[0])}`);
    await sleep(200);
  }
};

// ---------------------------------------------------------------------------------------------
// Fan-out

const fanOut = async ({ name, base, headers, products, receivers, endpoints, pid, sqlUrl, o, problems }) => {
  log(`${name}: warm-up, ${o.warmupEvents} renames at ${o.rate}/s`);
  const warm = await steadyRenames({ base, headers, products, total: o.warmupEvents, rate: o.rate, maxInFlight: o.maxInFlight });
  if (!(await waitDeliveries(receivers, warm.ok * endpoints.length, { timeoutMs: 120_000 })))
    problems.push(`${name} warm-up: ${distinct(receivers.state.messages)} of ${warm.ok * endpoints.length} deliveries arrived`);
  await waitIdle(sqlUrl);
  receivers.reset();
  const mark = sqlUrl
    ? (
        await withAdmin(sqlUrl, (c) =>
          c.query("SELECT coalesce(max(created_at), '-infinity')::text AS at FROM notifications_webhook_deliveries"),
        )
      ).rows[0].at
    : null;

  log(`${name}: fan-out, ${fmtInt(o.events)} renames at ${o.rate}/s to ${endpoints.length} endpoints`);
  const cpu0 = cpuMs(pid);
  const writes = await steadyRenames({ base, headers, products, total: o.events, rate: o.rate, maxInFlight: o.maxInFlight });
  const writesEndedAt = Date.now();
  if (writes.failed > 0) problems.push(`${name} fan-out: ${writes.failed} of ${o.events} writes failed`);
  const expected = writes.ok * endpoints.length;
  const complete = await waitDeliveries(receivers, expected, { timeoutMs: o.drainTimeoutS * 1000 });
  const cpu1 = cpuMs(pid);
  const cpuSeconds = (Date.now() - writes.startedAt) / 1000;
  // On PostgreSQL the delivery rows say how many there are to arrive (an event more than the writes is counted too).
  if (sqlUrl) await waitIdle(sqlUrl, 60_000).catch((error) => problems.push(`${name} fan-out: ${error.message}`));
  const log_ = sqlUrl ? await attemptLog(sqlUrl, mark) : null;
  const stageTimes = sqlUrl ? await stages(sqlUrl, mark) : null;
  const wanted = Math.max(expected, log_?.deliveries ?? 0);

  const messages = receivers.state.messages;
  const seen = new Map();
  let duplicates = 0;
  for (const m of messages) {
    const k = keyOf(m);
    if (seen.has(k)) duplicates++;
    else seen.set(k, m);
  }
  const firsts = [...seen.values()];
  const events = new Set(firsts.map((m) => m.id)).size;
  const lastArrival = Math.max(...firsts.map((m) => m.at));
  const seconds = (lastArrival - writes.startedAt) / 1000;
  const latencies = firsts.map((m) => m.at - m.occurredAt);
  // After the last write: the backlog left, delivered with no write load beside it (the delivery path's own pace).
  const afterWrites = firsts.filter((m) => m.at > writesEndedAt).length;
  const drainSeconds = (lastArrival - writesEndedAt) / 1000;
  const perEndpoint = Array.from({ length: endpoints.length }, (_, i) => firsts.filter((m) => m.endpoint === i).length);
  const lost = Math.max(0, wanted - firsts.length);
  if (!complete || lost > 0)
    problems.push(`${name} fan-out: ${fmtInt(firsts.length)} of ${fmtInt(wanted)} deliveries arrived (lost ${lost})`);
  if (receivers.state.errors > 0) problems.push(`${name} fan-out: ${receivers.state.errors} messages with a body that is not JSON`);
  if (duplicates > 0) {
    const retried = log_ ? log_.retried : null;
    const note = retried === null ? 'retries unknown on this database' : `${retried} deliveries were retried`;
    if (retried === null || duplicates > retried)
      problems.push(`${name} fan-out: ${duplicates} duplicate deliveries (same webhook-id twice at one receiver; ${note})`);
  }
  return {
    writes,
    writesSeconds: round((writesEndedAt - writes.startedAt) / 1000, 1),
    events,
    expected: wanted,
    delivered: firsts.length,
    lost,
    duplicates,
    perEndpoint,
    seconds: round(seconds, 1),
    deliveriesPerSecond: round(firsts.length / seconds, 0),
    drainAfterWritesS: round(drainSeconds, 1),
    deliveredAfterWrites: afterWrites,
    drainPerSecond: drainSeconds >= 1 ? round(afterWrites / drainSeconds, 0) : null,
    latency: summary(latencies),
    p95Ms: round(percentileOf(latencies, 95), 0),
    serverCpuPercent: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / cpuSeconds / 10, 0),
    serverCpuMsPerEvent: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / writes.ok, 2),
    attempts: log_,
    stages: stageTimes,
  };
};

const percentileOf = (values, p) => {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** PostgreSQL only: the delivery log of the deliveries made after `mark`: attempts, failed attempts, retried deliveries. */
const attemptLog = (sqlUrl, mark) =>
  withAdmin(sqlUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS deliveries,
              count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
              coalesce(sum(d.attempts), 0)::int AS attempts,
              count(*) FILTER (WHERE d.attempts > 1)::int AS retried,
              (SELECT count(*) FROM notifications_webhook_attempts a JOIN notifications_webhook_deliveries x ON x.id = a.delivery_id
                WHERE x.created_at > $1::timestamptz AND a.outcome <> 'delivered')::int AS failed_attempts
         FROM notifications_webhook_deliveries d WHERE d.created_at > $1::timestamptz`,
      [mark],
    );
    return rows[0];
  });

/**
 * PostgreSQL only: where an event's time goes, per delivery made after `mark` (p50 / p99 ms of each
 * stage): the write's commit to the relay's hand-over (`outbox`: the event's created_at → dispatched_at,
 * where the outbox relay runs the handlers before it marks the event), the fan-out's transaction (the
 * delivery's created_at, its transaction's start) and the send (created_at → delivered_at).
 */
const stages = (sqlUrl, mark) =>
  withAdmin(sqlUrl, async (c) => {
    const { rows } = await c.query(
      `WITH s AS (
         SELECT extract(epoch FROM d.created_at - e.created_at) * 1000 AS to_fan_out,
                extract(epoch FROM e.dispatched_at - e.created_at) * 1000 AS to_dispatched,
                extract(epoch FROM d.delivered_at - d.created_at) * 1000 AS to_delivered
           FROM notifications_webhook_deliveries d JOIN sys_events e ON e.id = d.event_id
          WHERE d.created_at > $1::timestamptz)
       SELECT ${['to_fan_out', 'to_dispatched', 'to_delivered']
         .map(
           (k) =>
             `round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${k})::numeric, 1)::float AS ${k}_p50, round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ${k})::numeric, 1)::float AS ${k}_p99`,
         )
         .join(', ')} FROM s`,
      [mark],
    );
    const r = rows[0];
    const of = (k) => ({ p50Ms: r[`${k}_p50`], p99Ms: r[`${k}_p99`] });
    return { writeToFanOut: of('to_fan_out'), writeToDispatched: of('to_dispatched'), fanOutToDelivered: of('to_delivered') };
  });

// ---------------------------------------------------------------------------------------------
// Write overhead: renames at full speed, endpoints off (A) and on (B), alternating rounds.

const overhead = async ({ name, base, headers, products, endpointIds, receivers, sqlUrl, pid, o, problems }) => {
  let n = 0;
  const target = {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    setup: (req) => ({
      ...req,
      path: `/api/v1/commerce/products/${products[n % products.length]}`,
      body: JSON.stringify({ title: `Load ${n++}` }),
    }),
  };
  const rounds = { off: [], on: [] };
  let active = true;
  for (let r = 0; r < o.rounds * 2; r++) {
    const variant = r % 2 === 0 ? 'off' : 'on';
    if (active !== (variant === 'on')) {
      active = variant === 'on';
      await setEndpoints(base, headers, endpointIds, active);
    }
    await waitIdle(sqlUrl);
    receivers.reset();
    log(`${name}: overhead round ${Math.floor(r / 2) + 1}/${o.rounds}, endpoints ${variant}, -c ${o.connections} for ${o.roundS} s`);
    const cpu0 = cpuMs(pid);
    const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.roundS });
    const cpu1 = cpuMs(pid);
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) problems.push(`${name} overhead (${variant}): ${bad} answers not 2xx or failed`);
    rounds[variant].push({
      requestsPerSecond: round(result.requests.total / result.duration, 0),
      deliveriesDuringRound: receivers.state.messages.length,
      serverCpuMsPerWrite: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / result.requests.total, 2),
      ...summary(latencies),
    });
    if (variant === 'on') {
      // The backlog of the round is cancelled (endpoints off), so it does not load the next round.
      await setEndpoints(base, headers, endpointIds, false);
      active = false;
    }
  }
  await waitIdle(sqlUrl);
  const mean = (list, key) => round(list.reduce((a, x) => a + x[key], 0) / list.length, 1);
  const of = (list) => ({
    requestsPerSecond: mean(list, 'requestsPerSecond'),
    p50Ms: mean(list, 'p50Ms'),
    p99Ms: mean(list, 'p99Ms'),
    serverCpuMsPerWrite: list.some((r) => r.serverCpuMsPerWrite === null) ? null : mean(list, 'serverCpuMsPerWrite'),
  });
  const off = of(rounds.off);
  const on = of(rounds.on);
  return { rounds, off, on, ratio: round(on.requestsPerSecond / off.requestsPerSecond, 3) };
};

// ---------------------------------------------------------------------------------------------

const webhookSettings = (o) => {
  const env = { RUSTOK_SETTINGS__RUSTOK__NOTIFICATIONS__WEBHOOKS__ALLOW_NETWORKS: '["127.0.0.1/32"]' };
  for (const [option, key] of [
    ['pollMs', 'POLL_MS'],
    ['concurrency', 'CONCURRENCY'],
    ['timeoutMs', 'TIMEOUT_MS'],
    ['sendAtOnce', 'SEND_AT_ONCE'],
  ])
    if (o[option] !== undefined) env[`RUSTOK_SETTINGS__RUSTOK__NOTIFICATIONS__WEBHOOKS__${key}`] = String(o[option]);
  return env;
};

/** Server environment and clean-up for a target; on PostgreSQL also the database's URL for SQL checks. */
const targetEnv = async (name, adminUrl) => {
  const base = serverEnv({ environment: 'production', logLevel: 'warn' });
  if (name !== 'postgres') {
    const tmp = tempDataDir();
    return { env: { ...base, RUSTOK_DATABASE__DATA_DIR: tmp.dir }, dispose: tmp.dispose, sqlUrl: null };
  }
  const tmp = await throwAwayDatabase(adminUrl);
  return { env: { ...base, DATABASE_URL: tmp.url }, dispose: tmp.dispose, sqlUrl: tmp.url };
};

const benchTarget = async ({ name, o, problems, adminUrl }) => {
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const { env, dispose, sqlUrl } = await targetEnv(name, adminUrl);
  const receivers = await startReceivers(o.endpoints);
  try {
    const serverEnvOf = (roles) => ({
      ...env,
      ...webhookSettings(o),
      ...(roles ? { RUSTOK_SERVER__ROLES: roles } : {}),
      RUSTOK_ADMIN_EMAIL: ADMIN_EMAIL,
      RUSTOK_ADMIN_PASSWORD: password,
    });
    const split = o.split !== null && name === 'postgres';
    const server = await startServer({ root: o.root, env: serverEnvOf(split ? 'api' : null), readyTimeoutMs: o.readyTimeoutMs });
    const worker = split
      ? await startServer({ root: o.root, env: serverEnvOf('relay,consumers,jobs'), readyTimeoutMs: o.readyTimeoutMs, nice: o.split })
      : null;
    const pid = worker ? [server.pid, worker.pid] : server.pid;
    try {
      log(`${name}: tenant, ${o.products} products, ${o.endpoints} endpoints`);
      const productOf = (i) => ({
        title: `Bench product ${i}`,
        status: 'published',
        variants: [{ title: 'One', sku: `BENCH-${i}`, prices: [{ amount: 1999, currencyCode: 'USD' }], inventory: 1_000 }],
      });
      const { headers, products } = await prepareShop({ base: server.base, password, slug: TENANT, count: o.products, productOf });
      const endpointIds = await createEndpoints(server.base, headers, receivers.urls);
      const common = { name, base: server.base, headers, products, receivers, sqlUrl, o, problems };
      const fan = await fanOut({ ...common, endpoints: endpointIds, pid });
      const load = await overhead({ ...common, endpointIds, pid });
      return { ...(split ? { split: { workerNice: o.split } } : {}), fanOut: fan, overhead: load };
    } finally {
      for (const [role, p] of [
        ['server', server],
        ['worker', worker],
      ].filter(([, p]) => p)) {
        const exit = await p.stop();
        if (exit.code !== 0) problems.push(`${name}: ${role} exit code ${exit.code} (signal ${exit.signal})`);
      }
    }
  } finally {
    await receivers.close();
    await dispose();
  }
};

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
  requireIntegers(o, [
    'events',
    'endpoints',
    'rate',
    'maxInFlight',
    'products',
    'rounds',
    'roundS',
    'connections',
    'drainTimeoutS',
    'deliveryTarget',
    'p99TargetMs',
    'overheadTargetPercent',
  ]);
  requireIntegers(o, ['warmupEvents'], 0);
  if (o.split !== null) requireIntegers(o, ['split'], 0);
  const loadAverageAtStart = loadAverage();
  const problems = [];
  const skipped = [];
  const adminUrl = process.env.DATABASE_URL;
  const pg = await probePostgres(adminUrl);
  const targets = targetsOf(o, pg, skipped);
  const results = {};
  for (const name of targets) results[name] = await benchTarget({ name, o, problems, adminUrl });
  const loadAverageAtEnd = loadAverage();
  const met = Object.fromEntries(
    Object.entries(results).map(([n, r]) => [
      n,
      {
        deliveriesPerSecond: r.fanOut.deliveriesPerSecond >= o.deliveryTarget,
        p99: r.fanOut.latency.p99Ms <= o.p99TargetMs,
        writeOverhead: (1 - r.overhead.ratio) * 100 <= o.overheadTargetPercent,
      },
    ]),
  );
  const { events, endpoints, rate, maxInFlight, products, warmupEvents, rounds, roundS, connections } = o;
  const server = {
    pollMs: o.pollMs ?? 'default',
    concurrency: o.concurrency ?? 'default',
    timeoutMs: o.timeoutMs ?? 'default',
    sendAtOnce: o.sendAtOnce ?? 'default',
  };
  return {
    ok: problems.length === 0,
    parameters: { targets, events, endpoints, rate, maxInFlight, products, warmupEvents, rounds, roundS, connections, server },
    loadAverageAtStart,
    loadAverageAtEnd,
    ...(pg.ok ? { postgresVersion: pg.version } : {}),
    results,
    targets: { deliveriesPerSecond: o.deliveryTarget, p99Ms: o.p99TargetMs, overheadPercent: o.overheadTargetPercent, met },
    skipped,
    problems,
    tables: tablesOf({ o, results, met, loadAverageAtStart, loadAverageAtEnd, skipped, problems }),
  };
}

const yesNo = (ok) => (ok ? 'met' : 'missed');

const tablesOf = ({ o, results, met, loadAverageAtStart, loadAverageAtEnd, skipped, problems }) => {
  const entries = Object.entries(results);
  const notes = [
    `load average at start ${loadAverageAtStart.join(' / ')}, at end ${loadAverageAtEnd.join(' / ')}; receivers and load generator run in the bench process on the same cores`,
    ...(o.split !== null
      ? [
          `split (PostgreSQL): the API in one server process (roles api), the relay, consumers and jobs (fan-out, delivery) in a second at nice ${o.split}; server CPU is both processes'`,
        ]
      : []),
    ...skipped.map((s) => `${s.target}: skipped (${s.reason})`),
    ...problems.map((p) => `problem: ${p}`),
  ];
  return [
    {
      title: `notifications: ${fmtInt(o.events)} product renames (PATCH /api/v1/commerce/products/{id}) at ${o.rate}/s, each delivered to ${o.endpoints} endpoints on loopback (commerce.product.*)`,
      columns: [
        'database',
        'writes/s',
        'delivered',
        'lost',
        'dup',
        'deliveries/s',
        `≥ ${fmtInt(o.deliveryTarget)}/s`,
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        `p99 ≤ ${fmtInt(o.p99TargetMs)} ms`,
        'server CPU',
        'CPU ms / event',
      ],
      rows: entries.map(([n, r]) => [
        n,
        r.fanOut.writes.achievedRate,
        `${fmtInt(r.fanOut.delivered)} / ${fmtInt(r.fanOut.expected)}`,
        r.fanOut.lost,
        r.fanOut.duplicates,
        fmtInt(r.fanOut.deliveriesPerSecond),
        yesNo(met[n].deliveriesPerSecond),
        round(r.fanOut.latency.p50Ms, 0),
        r.fanOut.p95Ms,
        round(r.fanOut.latency.p99Ms, 0),
        round(r.fanOut.latency.maxMs, 0),
        yesNo(met[n].p99),
        r.fanOut.serverCpuPercent === null ? null : `${r.fanOut.serverCpuPercent} %`,
        r.fanOut.serverCpuMsPerEvent,
      ]),
      notes: [
        'deliveries/s = distinct (endpoint, webhook-id) arrived / (last arrival − first write); latency = arrival at the receiver − the event’s occurredAt (the body’s timestamp)',
        'the offered load is rate × endpoints deliveries/s: a figure at that ceiling means the deliveries kept up',
        ...entries.map(
          ([n, r]) =>
            `${n}: ${fmtInt(r.fanOut.events)} events; ${fmtInt(r.fanOut.deliveredAfterWrites)} deliveries left when the writes ended, the last ${r.fanOut.drainAfterWritesS} s after` +
            (r.fanOut.drainPerSecond === null ? '' : ` (${fmtInt(r.fanOut.drainPerSecond)}/s with no writes beside them)`) +
            (r.fanOut.attempts
              ? `; delivery log: ${r.fanOut.attempts.attempts} attempts, ${r.fanOut.attempts.failed_attempts} failed, ${r.fanOut.attempts.retried} deliveries retried`
              : '') +
            (r.fanOut.stages
              ? `; stages p50 / p99 ms: write → fan-out ${r.fanOut.stages.writeToFanOut.p50Ms} / ${r.fanOut.stages.writeToFanOut.p99Ms}, write → dispatched ${r.fanOut.stages.writeToDispatched.p50Ms} / ${r.fanOut.stages.writeToDispatched.p99Ms}, fan-out → delivered ${r.fanOut.stages.fanOutToDelivered.p50Ms} / ${r.fanOut.stages.fanOutToDelivered.p99Ms}`
              : ''),
        ),
      ],
    },
    {
      title: `notifications: write path with endpoints off / on, PATCH product at -c ${o.connections}, ${o.rounds} × ${o.roundS} s rounds each, alternating`,
      columns: [
        'database',
        'off req/s',
        'off p99 ms',
        'off CPU ms / write',
        'on req/s',
        'on p99 ms',
        'on CPU ms / write',
        'on / off',
        `within ${o.overheadTargetPercent} %`,
      ],
      rows: entries.map(([n, r]) => [
        n,
        fmtInt(r.overhead.off.requestsPerSecond),
        r.overhead.off.p99Ms,
        r.overhead.off.serverCpuMsPerWrite,
        fmtInt(r.overhead.on.requestsPerSecond),
        r.overhead.on.p99Ms,
        r.overhead.on.serverCpuMsPerWrite,
        r.overhead.ratio,
        yesNo(met[n].writeOverhead),
      ]),
      notes: [
        'off: every endpoint inactive (the fan-out consumer finds none); on: all subscribed, deliveries sent while the writes run; after each round the backlog is cancelled',
        ...notes,
      ],
    },
  ];
};
