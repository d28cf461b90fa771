// Events suite: outbox relay throughput, publish→handler latency at a steady rate (relay woken by
// LISTEN/NOTIFY) and in-memory transport throughput, on PostgreSQL (when DATABASE_URL is set and
// reachable) and in-memory PGlite. Runs the built packages (dist). See bench/README.md.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres, runMigrations } from '@rustok/db';
import {
  createEnvelope,
  createEventBus,
  createMemoryTransport,
  ensureOutboxPartitions,
  eventsModule,
  insertIntoOutbox,
} from '@rustok/events';
import { defineModule, generateId } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import pino from 'pino';
import {
  APP_ROLE,
  availableTargets,
  loadAverage,
  log,
  probePostgres,
  requireIntegers,
  sleep,
  throwAwayDatabase,
  withTimeout,
} from '../lib.mjs';
import { fmtInt, fmtRange, percentile, round, stats } from '../stats.mjs';

const EVENT_TYPE = 'bench.item.created';

const defaults = {
  runs: 3,
  events: 20_000,
  batchSize: 500,
  insertBatch: 1_000,
  tenants: 1,
  rate: 200,
  durationS: 15,
  warmupS: 2,
  memoryEvents: 100_000,
  relayTarget: 5_000,
  p99TargetMs: 100,
};

// Warnings and errors of the relay / dispatcher go to stderr; stdout is kept for the tables.
const logger = pino({ level: 'warn' }, pino.destination(2));

/**
 * The benchmark module: one event type and one consumer whose handler does nothing but, while a
 * latency run is on, note how long after `occurredAt` it was called. It still runs through the
 * dispatcher, in a tenant transaction, with a receipt per event.
 */
const createBenchModule = () => {
  const probe = { latencies: null, seen: 0 };
  const module = defineModule({
    slug: 'bench',
    name: 'Bench',
    description: 'events benchmark fixture',
    version: '1.0.0',
    kind: 'optional',
    events: {
      emits: [
        {
          type: EVENT_TYPE,
          schemaVersion: 1,
          payload: Type.Object({ seq: Type.Integer({ minimum: 0 }), measured: Type.Boolean() }, { additionalProperties: false }),
        },
      ],
      handles: [
        {
          consumer: 'bench.noop',
          types: [EVENT_TYPE],
          handle: async (event) => {
            if (probe.latencies && event.payload.measured) {
              probe.latencies.push(Date.now() - Date.parse(event.occurredAt));
              probe.seen++;
            }
          },
        },
      ],
    },
  });
  return { module, probe };
};

const settings = (o, overrides = {}) => ({
  transport: 'outbox',
  memory_capacity: 10_000,
  backpressure_warning: 0.7,
  backpressure_critical: 0.9,
  relay_batch_size: o.batchSize,
  relay_poll_ms: 1_000,
  max_attempts: 8,
  relay_lease_ms: 60_000,
  relay_concurrency: 4,
  backoff_base_ms: 500,
  backoff_max_ms: 300_000,
  lag_warning_seconds: 60,
  retention_ms: 0,
  nats_subject_root: 'rustok',
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// Databases

/** The outbox's periods (a day, the default): made as a server's job `events.partitions` makes them at its start. */
const DAY_MS = 86_400_000;

const migrate = (modules) => async (owner) => {
  await runMigrations(owner, modules, { appRole: APP_ROLE });
};

const pgliteTarget = {
  name: 'pglite',
  description: 'PGlite (in memory)',
  available: async () => ({ ok: true }),
  open: async (modules) => {
    const db = await openPglite({ appRole: APP_ROLE, ownerSetup: migrate(modules) });
    await ensureOutboxPartitions(db, DAY_MS);
    return { db, openPublisher: undefined, dispose: () => db.close() };
  },
};

const postgresTarget = (adminUrl) => ({
  name: 'postgres',
  description: 'PostgreSQL (throw-away database)',
  available: () => probePostgres(adminUrl),
  /** A throw-away database rustok_bench_<random>, migrated; dropped WITH (FORCE) by dispose. */
  open: async (modules) => {
    const tmp = await throwAwayDatabase(adminUrl);
    const opened = [];
    const open = async (ownerSetup) => {
      const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, ownerSetup });
      opened.push(db);
      return db;
    };
    const db = await open(migrate(modules));
    await ensureOutboxPartitions(db, DAY_MS);
    return {
      db,
      /** A second pool on the same database, as another process's writer would have. */
      openPublisher: () => open(undefined),
      dispose: async () => {
        for (const d of opened) await d.close().catch(() => {});
        await tmp.dispose();
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// (1) Relay throughput: a backlog of pending events, drained by runOnce() loops.

const relayThroughput = async ({ db, bus, o, tenants }) => {
  const t0 = performance.now();
  for (let i = 0; i < o.events; i += o.insertBatch) {
    const envelopes = [];
    for (let j = i; j < Math.min(o.events, i + o.insertBatch); j++) {
      envelopes.push(
        createEnvelope({ type: EVENT_TYPE, tenantId: tenants[j % tenants.length], payload: { seq: j, measured: false } }, bus.catalog),
      );
    }
    await db.transaction((tx) => insertIntoOutbox(tx, envelopes));
  }
  const seedMs = performance.now() - t0;
  const { rows: before } = await db.query("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");

  const start = performance.now();
  let claimed = 0;
  let loops = 0;
  for (;;) {
    const n = await bus.relay.runOnce();
    if (n === 0) break;
    claimed += n;
    loops++;
  }
  const ms = performance.now() - start;
  const { rows: after } = await db.query("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
  return {
    pendingBefore: before[0].n,
    pendingAfter: after[0].n,
    claimed,
    batches: loops,
    seedMs: round(seedMs),
    drainMs: round(ms),
    eventsPerSecond: round((claimed / ms) * 1000, 0),
  };
};

// ---------------------------------------------------------------------------------------------
// (2) Latency at a steady rate: each publish its own transaction, the relay started (LISTEN/NOTIFY).

const steadyLatency = async ({ publisherDb, bus, publisherBus, probe, o, tenants }) => {
  const interval = 1000 / o.rate;
  const warmup = Math.round(o.rate * o.warmupS);
  const measured = Math.round(o.rate * o.durationS);
  const total = warmup + measured;
  const failures = [];
  const inFlight = new Set();
  probe.latencies = [];
  probe.seen = 0;
  await bus.start();
  try {
    const t0 = performance.now();
    let maxLagMs = 0;
    for (let i = 0; i < total; i++) {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      maxLagMs = Math.max(maxLagMs, performance.now() - due);
      const isMeasured = i >= warmup;
      const p = publisherDb
        .transaction((tx) =>
          publisherBus.publishInTx(tx, {
            type: EVENT_TYPE,
            tenantId: tenants[i % tenants.length],
            payload: { seq: i, measured: isMeasured },
          }),
        )
        .catch((error) => failures.push(error.message))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    const publishMs = performance.now() - t0;
    await withTimeout(Promise.all(inFlight), 30_000, 'the last publishes');
    const deadline = performance.now() + 30_000;
    while (probe.seen < measured - failures.length && performance.now() < deadline) await sleep(20);
    const lat = [...probe.latencies].sort((a, b) => a - b);
    return {
      published: total,
      measured,
      handled: probe.seen,
      publishFailures: failures.length,
      firstFailure: failures[0] ?? null,
      achievedRate: round(((total - 1) / publishMs) * 1000, 1),
      maxScheduleLagMs: round(maxLagMs),
      p50Ms: percentile(lat, 50),
      p90Ms: percentile(lat, 90),
      p99Ms: percentile(lat, 99),
      maxMs: lat.length ? lat[lat.length - 1] : null,
      meanMs: lat.length ? round(lat.reduce((a, b) => a + b, 0) / lat.length) : null,
    };
  } finally {
    probe.latencies = null;
    await bus.stop();
  }
};

// ---------------------------------------------------------------------------------------------
// (3) Memory transport: publish N envelopes into a large queue with a no-op sink, until idle.

const memoryThroughput = async (o) => {
  const sink = {
    async deliver(events) {
      return new Map(events.map((e) => [e.id, { ok: true }]));
    },
  };
  const transport = createMemoryTransport({ sink, logger, capacity: o.memoryEvents * 4 });
  await transport.start();
  const tenantId = generateId();
  const envelopes = Array.from({ length: o.memoryEvents }, (_, i) => ({
    id: generateId(),
    type: EVENT_TYPE,
    schemaVersion: 1,
    tenantId,
    actorId: null,
    correlationId: `bench-${i}`,
    causationId: null,
    traceId: null,
    occurredAt: new Date().toISOString(),
    retryCount: 0,
    payload: { seq: i, measured: false },
  }));
  const t0 = performance.now();
  for (const envelope of envelopes) await transport.publish(envelope);
  const publishedMs = performance.now() - t0;
  await withTimeout(transport.idle(), 60_000, 'the memory transport draining');
  const ms = performance.now() - t0;
  await transport.stop();
  return {
    events: o.memoryEvents,
    publishMs: round(publishedMs),
    untilIdleMs: round(ms),
    eventsPerSecond: round((o.memoryEvents / ms) * 1000, 0),
    depthAfter: transport.depth(),
  };
};

// ---------------------------------------------------------------------------------------------

/** `o.runs` relay runs, each on a fresh database of `target`, checked: { samples, summary }. */
const relayRuns = async ({ target, modules, tenants, o, problems }) => {
  const samples = [];
  for (let run = 1; run <= o.runs; run++) {
    const opened = await target.open(modules);
    try {
      const bus = createEventBus({ settings: settings(o), db: opened.db, modules, logger });
      log(`${target.name} relay run ${run}/${o.runs}: ${o.events} events over ${tenants.length} tenant(s), batch ${o.batchSize}`);
      const sample = await relayThroughput({ db: opened.db, bus, o, tenants });
      samples.push(sample);
      const { rows } = await opened.db.query('SELECT count(*)::int AS n FROM sys_event_receipts');
      if (sample.pendingBefore !== o.events)
        problems.push(`${target.name} relay run ${run}: ${sample.pendingBefore} pending before, expected ${o.events}`);
      if (sample.pendingAfter !== 0) problems.push(`${target.name} relay run ${run}: ${sample.pendingAfter} events still pending`);
      if (rows[0].n !== o.events) problems.push(`${target.name} relay run ${run}: ${rows[0].n} receipts for ${o.events} events`);
    } finally {
      await opened.dispose();
    }
  }
  return { samples, summary: { eventsPerSecond: stats(samples.map((s) => s.eventsPerSecond)) } };
};

/** Relay throughput alone on PostgreSQL (`options` as this suite's: events, batchSize, tenants, runs): { samples, summary }. */
export const relayOnPostgres = async (adminUrl, options, problems) => {
  const o = { ...defaults, ...options };
  const { module } = createBenchModule();
  const tenants = Array.from({ length: o.tenants }, () => generateId());
  return relayRuns({ target: postgresTarget(adminUrl), modules: [eventsModule, module], tenants, o, problems });
};

const benchDatabase = async (target, o, problems) => {
  const { module, probe } = createBenchModule();
  const modules = [eventsModule, module];
  const tenants = Array.from({ length: o.tenants }, () => generateId());
  const result = { relay: await relayRuns({ target, modules, tenants, o, problems }), latency: null };

  const opened = await target.open(modules);
  try {
    // Latency: on PostgreSQL the writer is a second pool with a bus of its own (never started), so
    // only NOTIFY (or the 1 s poll) wakes the relay, as for a writer in another process. PGlite is
    // one connection in one process: the relay is woken by the local after-commit wake-up too.
    const bus = createEventBus({ settings: settings(o, { relay_batch_size: 100 }), db: opened.db, modules, logger });
    const publisherDb = opened.openPublisher ? await opened.openPublisher() : opened.db;
    const publisherBus = opened.openPublisher ? createEventBus({ settings: settings(o), db: publisherDb, modules, logger }) : bus;
    log(`${target.name} latency: ${o.rate} events/s for ${o.durationS} s (+${o.warmupS} s warm-up)`);
    result.latency = await steadyLatency({ publisherDb, bus, publisherBus, probe, o, tenants });
    result.latency.wakeUp = opened.openPublisher ? 'NOTIFY from another pool' : 'NOTIFY + local after-commit wake';
    const l = result.latency;
    if (l.publishFailures > 0) problems.push(`${target.name} latency: ${l.publishFailures} publishes failed (${l.firstFailure})`);
    if (l.handled !== l.measured - l.publishFailures) problems.push(`${target.name} latency: ${l.handled} of ${l.measured} events handled`);
  } finally {
    await opened.dispose();
  }
  return result;
};

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  const loadAverageAtStart = loadAverage();
  requireIntegers(o, ['runs', 'events', 'batchSize', 'insertBatch', 'tenants', 'rate', 'durationS', 'memoryEvents']);
  if (typeof o.warmupS !== 'number' || o.warmupS < 0) throw new Error(`--warmup-s must be >= 0 (got ${o.warmupS})`);

  const targets = [postgresTarget(process.env.DATABASE_URL), pgliteTarget];
  const skipped = [];

  const results = {};
  const problems = [];
  for await (const { target, availability } of availableTargets(targets, skipped)) {
    results[target.name] = {
      ...(availability.version ? { serverVersion: availability.version } : {}),
      ...(await benchDatabase(target, o, problems)),
    };
  }

  log(`memory transport: ${o.memoryEvents} events, ${o.runs} runs`);
  const memorySamples = [];
  for (let i = 0; i < o.runs; i++) {
    const sample = await memoryThroughput(o);
    if (sample.depthAfter !== 0) problems.push(`memory run ${i + 1}: ${sample.depthAfter} events left in the queue`);
    memorySamples.push(sample);
  }
  const memory = { samples: memorySamples, summary: { eventsPerSecond: stats(memorySamples.map((s) => s.eventsPerSecond)) } };

  const targetsMet = {};
  const rows = [];
  for (const [name, r] of Object.entries(results)) {
    const relay = r.relay.summary.eventsPerSecond;
    const relayOk = relay.median !== null && relay.median >= o.relayTarget;
    const p99Ok = r.latency.p99Ms !== null && r.latency.p99Ms <= o.p99TargetMs;
    targetsMet[name] = { relay: relayOk, p99: p99Ok };
    rows.push([
      name,
      `relay throughput (${fmtInt(o.events)} pending, batch ${o.batchSize})`,
      `${fmtRange(relay)} ev/s`,
      `≥ ${fmtInt(o.relayTarget)} ev/s`,
      relayOk ? 'yes' : 'NO',
    ]);
    rows.push([name, `publish→handler p50 at ${o.rate}/s`, `${r.latency.p50Ms} ms`, null, null]);
    rows.push([name, `publish→handler p99 at ${o.rate}/s`, `${r.latency.p99Ms} ms`, `≤ ${o.p99TargetMs} ms`, p99Ok ? 'yes' : 'NO']);
    rows.push([name, 'publish→handler max', `${r.latency.maxMs} ms`, null, null]);
  }
  rows.push([
    'memory',
    `transport throughput (${fmtInt(o.memoryEvents)} events, no-op sink)`,
    `${fmtRange(memory.summary.eventsPerSecond)} ev/s`,
    null,
    null,
  ]);

  const notes = [
    `relay: median (min–max) of ${o.runs} runs, each on a fresh database; runOnce() loops until the backlog is 0; no-op handler through the dispatcher (tenant transaction + receipt); ${o.tenants} tenant(s)`,
    `latency: occurredAt → handler call, ${fmtInt(Math.round(o.rate * o.durationS))} events over ${o.durationS} s after ${o.warmupS} s warm-up, each published in its own transaction, relay started (batch 100)`,
    ...Object.entries(results).map(
      ([name, r]) =>
        `  ${name}: wake-up by ${r.latency.wakeUp}; achieved ${r.latency.achievedRate}/s; p90 ${r.latency.p90Ms} ms; handled ${r.latency.handled}/${r.latency.measured}`,
    ),
    `memory: publish() of pre-built envelopes until idle(), median (min–max) of ${o.runs} runs`,
    `load average at start ${loadAverageAtStart.join(' / ')} on ${availableParallelism()} cores (figures, p99 above all, suffer from other load)`,
    ...skipped.map((s) => `skipped ${s.target}: ${s.reason}`),
    ...problems.map((p) => `PROBLEM: ${p}`),
  ];
  return {
    ok: problems.length === 0,
    parameters: {
      runs: o.runs,
      events: o.events,
      batchSize: o.batchSize,
      insertBatch: o.insertBatch,
      tenants: o.tenants,
      rate: o.rate,
      durationS: o.durationS,
      warmupS: o.warmupS,
      memoryEvents: o.memoryEvents,
    },
    loadAverageAtStart,
    targets: { relayEventsPerSecond: o.relayTarget, p99Ms: o.p99TargetMs, met: targetsMet },
    results,
    memory,
    skipped,
    problems,
    table: { title: 'events', columns: ['database', 'measure', 'result', 'target', 'met'], rows, notes },
  };
}
