// Scripting suite: the tenant-script sandbox (@rustok/sandbox, built dist). Cold start (a new
// sandbox: worker threads load QuickJS, then the first run) and the overhead of a warm run of a
// trivial script, one at a time and with the pool busy. Then, on the built server
// (scripting-server.mjs; `--server false` skips it): the event → script effect p99 at `--rate`
// events/s, and the p99 of an unrelated route while scripts burn their CPU budget against idle.
// See bench/README.md.
import { performance } from 'node:perf_hooks';
import { createSandbox } from '@rustok/sandbox';
import { loadAverage, log, probePostgres, requireIntegers } from '../lib.mjs';
import { percentile, round, stats } from '../stats.mjs';

import { benchServer } from './scripting-server.mjs';

const defaults = {
  runs: 3,
  warmRuns: 2_000,
  size: 2,
  warmTargetMs: 2,
  server: true,
  targets: null, // postgres when reachable, else embedded
  products: 20,
  rate: 100, // events per second (product renames)
  events: 2_000,
  warmupEvents: 200,
  pollMs: null, // the scripting job's poll interval; the deployment default when not given
  rounds: 2, // CPU-burn rounds per variant at full speed (idle / burning, alternating)
  pacedRounds: 5, // the same, paced (the target's figure: the median round of each variant)
  roundS: 8,
  connections: 8,
  burners: 4, // runs of the spinning script kept going at once (the tenant's concurrency)
  burnMs: 45, // each spins this long of its 50 ms CPU budget
  pacedShare: 0.4, // the paced rounds offer this share of the route's idle full-speed req/s
  burnRatioTarget: 1.2, // judged on the paced rounds (latency at a load the route carries); the full-speed ratio is printed beside it
};

const TRIVIAL = 'return ctx.input + 1';

const summary = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, p50: round(percentile(sorted, 50), 3), p99: round(percentile(sorted, 99), 3), max: round(sorted.at(-1), 3) };
};

/** A new sandbox until its first run has answered. */
const coldStart = async (size) => {
  const started = performance.now();
  const sandbox = createSandbox({ size });
  const result = await sandbox.run({ key: 'bench', source: TRIVIAL, input: 1 });
  const ms = performance.now() - started;
  await sandbox.close();
  if (!result.ok) throw new Error(`cold run failed: ${result.code} ${result.message}`);
  return ms;
};

/** Runs one after another (latency of one run) and then all at once (throughput of the pool). */
const warm = async (size, count) => {
  // Budgets wide enough that a busy machine's pre-emption never fails a run: this measures overhead, not limits.
  const sandbox = createSandbox({ size, concurrencyPerKey: count, queuePerKey: count, limits: { cpuMs: 1_000, wallMs: 5_000 } });
  try {
    for (let i = 0; i < 50; i++) await sandbox.run({ key: 'bench', source: TRIVIAL, input: i });
    const serial = [];
    const vm = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const result = await sandbox.run({ key: 'bench', source: TRIVIAL, input: i });
      serial.push(performance.now() - t);
      if (!result.ok || result.output !== i + 1) throw new Error(`warm run failed: ${JSON.stringify(result)}`);
      vm.push(result.cpuMs);
    }
    const t = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => sandbox.run({ key: 'bench', source: TRIVIAL, input: i })));
    const parallelS = (performance.now() - t) / 1000;
    return { serial: summary(serial), vm: summary(vm), parallelRunsPerS: Math.round(count / parallelS) };
  } finally {
    await sandbox.close();
  }
};

/** The server targets asked for (default: postgres when reachable, else embedded). */
const serverTargets = async (o, skipped) => {
  const pg = await probePostgres(process.env.DATABASE_URL);
  const wanted = o.targets ? String(o.targets).split(',') : [pg.ok ? 'postgres' : 'embedded'];
  if (!pg.ok && wanted.includes('postgres')) skipped.push({ target: 'postgres', reason: pg.reason });
  return wanted.filter((t) => t !== 'postgres' || pg.ok);
};

/** The server measures of every target: { results, skipped, problems, loadAverage }. */
const serverPart = async (o) => {
  const problems = [];
  const skipped = [];
  const results = {};
  const atStart = loadAverage();
  for (const name of await serverTargets(o, skipped)) {
    log(`scripting server: ${name}`);
    results[name] = await benchServer({ name, o, problems, adminUrl: process.env.DATABASE_URL });
  }
  return { results, skipped, problems, loadAverage: { atStart, atEnd: loadAverage() } };
};

const serverRows = (results) =>
  Object.entries(results).flatMap(([name, r]) => [
    [
      `${name}: event → script effect at ${r.eventToEffect.writes.ok} events`,
      r.eventToEffect.latency.p50Ms,
      r.eventToEffect.latency.p99Ms,
      r.eventToEffect.latency.maxMs,
      r.eventToEffect.effects,
    ],
    [`${name}: unrelated route, idle`, r.cpuBurn.idle.p50Ms, r.cpuBurn.idle.p99Ms, null, r.cpuBurn.idle.requestsPerSecond],
    [
      `${name}: unrelated route, scripts burning`,
      r.cpuBurn.burning.p50Ms,
      r.cpuBurn.burning.p99Ms,
      null,
      r.cpuBurn.burning.requestsPerSecond,
    ],
    [
      `${name}: route paced at ${r.cpuBurn.paced.overallRate}/s, idle`,
      r.cpuBurn.paced.idle.p50Ms,
      r.cpuBurn.paced.idle.p99Ms,
      null,
      r.cpuBurn.paced.idle.requestsPerSecond,
    ],
    [
      `${name}: route paced at ${r.cpuBurn.paced.overallRate}/s, scripts burning`,
      r.cpuBurn.paced.burning.p50Ms,
      r.cpuBurn.paced.burning.p99Ms,
      null,
      r.cpuBurn.paced.burning.requestsPerSecond,
    ],
  ]);

export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, [
    'runs',
    'warmRuns',
    'size',
    'products',
    'rate',
    'events',
    'rounds',
    'roundS',
    'connections',
    'burners',
    'burnMs',
    'pacedRounds',
  ]);
  requireIntegers(o, ['warmupEvents'], 0);
  o.pacedShare = Number(o.pacedShare);
  if (!(o.pacedShare > 0 && o.pacedShare <= 1)) throw new Error('--paced-share must be a number in (0, 1]');
  const cold = [];
  for (let i = 0; i < o.runs; i++) cold.push(await coldStart(o.size));
  const w = await warm(o.size, o.warmRuns);
  const coldStats = stats(cold);
  const server = o.server === false || o.server === 'false' ? null : await serverPart(o);
  const burnMet = server && Object.values(server.results).every((r) => r.cpuBurn.paced.p99Ratio <= o.burnRatioTarget);
  const ok = w.serial.p50 <= o.warmTargetMs && (server === null || server.problems.length === 0);
  const { root: _root, ...shown } = o;
  return {
    ok,
    options: shown,
    coldStartMs: { ...coldStats, runs: cold.map((ms) => round(ms, 1)) },
    warm: w,
    ...(server ? { server: { ...server, burnRatioTarget: o.burnRatioTarget, burnRatioMet: burnMet } } : {}),
    table: {
      title: `Scripting sandbox (QuickJS in ${o.size} worker threads)`,
      columns: ['measure', 'p50 ms', 'p99 ms', 'max ms', 'n'],
      rows: [
        ['cold start: new sandbox → first result', round(coldStats.median, 1), null, round(coldStats.max, 1), o.runs],
        ['warm run, one at a time (round trip)', w.serial.p50, w.serial.p99, w.serial.max, w.serial.n],
        ['  of which inside the VM (cpuMs)', w.vm.p50, w.vm.p99, w.vm.max, w.vm.n],
        ...(server ? serverRows(server.results) : []),
      ],
      notes: [
        `trivial script: ${TRIVIAL}; fresh context per run`,
        `all ${o.warmRuns} at once: ${w.parallelRunsPerS} runs/s`,
        `target: warm p50 ≤ ${o.warmTargetMs} ms — ${w.serial.p50 <= o.warmTargetMs ? 'met' : 'NOT met'}`,
        ...(server
          ? [
              `server rows: n is the effects counted (event rows) or requests/s (route rows); events at ${o.rate}/s; ${o.burners} runs spinning ${o.burnMs} ms each kept going while burning`,
              ...Object.entries(server.results).map(
                ([name, r]) =>
                  `${name}: burning / idle p99 paced at ${r.cpuBurn.paced.overallRate}/s (${o.pacedShare} of idle full speed) = ${r.cpuBurn.paced.p99Ratio} (target ≤ ${o.burnRatioTarget}: ${r.cpuBurn.paced.p99Ratio <= o.burnRatioTarget ? 'met' : 'NOT met'}); at full speed = ${r.cpuBurn.p99Ratio} (the burn's cost in capacity: ${r.cpuBurn.idle.requestsPerSecond} → ${r.cpuBurn.burning.requestsPerSecond} req/s)`,
              ),
              `load average at start ${server.loadAverage.atStart.join(' / ')}, at end ${server.loadAverage.atEnd.join(' / ')}`,
              ...server.skipped.map((x) => `${x.target}: skipped (${x.reason})`),
              ...server.problems.map((p) => `problem: ${p}`),
            ]
          : []),
      ],
    },
  };
}
