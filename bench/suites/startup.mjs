// Startup suite: time to ready (cold and warm), idle RSS, RSS after sequential health checks and
// graceful shutdown, for the embedded database and (when DATABASE_URL is set and reachable)
// PostgreSQL. See bench/README.md for what each figure means.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  availableTargets,
  fmtRange,
  freePort,
  httpGet,
  log,
  probePostgres,
  requireIntegers,
  round,
  rssBytes,
  serverEnv,
  sleep,
  spawnServer,
  stats,
  tail,
  tempDataDir,
  throwAwayDatabase,
  waitReady,
  withTimeout,
} from '../lib.mjs';

const MiB = 2 ** 20;

const defaults = {
  runs: 5,
  requests: 1000,
  idleMs: 2000,
  env: 'production',
  readyTimeoutMs: 120_000,
  shutdownTimeoutMs: 20_000,
  pollMs: 5,
};

/**
 * One server lifetime: spawn, wait for /health/ready = 200, idle, read RSS, send `requests`
 * sequential GET /health/ready, read RSS again, SIGTERM and wait for the exit.
 */
const serverLifetime = async ({ root, env, o }) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const server = spawnServer({ root, env, port });
  const { child, output, exited } = server;
  let readyLogMs = null;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    if (readyLogMs === null) {
      buffered += chunk;
      if (buffered.includes('"RusToK is ready"')) readyLogMs = performance.now() - t0;
      buffered = buffered.slice(-200);
    }
  });

  try {
    // Ready: poll until /health/ready answers 200.
    const readyMs = await waitReady({ url: `${base}/health/ready`, server, t0, timeoutMs: o.readyTimeoutMs, pollMs: o.pollMs });

    // Idle RSS.
    await sleep(o.idleMs);
    const idleRss = rssBytes(child.pid);

    // Sequential requests (one keep-alive connection), then RSS again.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let non200 = 0;
    const loadStart = performance.now();
    for (let i = 0; i < o.requests; i++) {
      const { status } = await httpGet(`${base}/health/ready`, { agent, timeoutMs: 5_000 });
      if (status !== 200) non200++;
    }
    const loadMs = performance.now() - loadStart;
    agent.destroy();
    const loadRss = rssBytes(child.pid);

    // Graceful shutdown.
    const tStop = performance.now();
    child.kill('SIGTERM');
    let exit;
    try {
      exit = await withTimeout(exited, o.shutdownTimeoutMs, 'shutdown after SIGTERM');
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${error.message}:\n${tail(output)}`);
    }
    return {
      readyMs: round(readyMs),
      readyLogMs: round(readyLogMs),
      idleRssMiB: idleRss === null ? null : round(idleRss / MiB),
      loadRssMiB: loadRss === null ? null : round(loadRss / MiB),
      requests: o.requests,
      non200,
      requestsPerSecond: round((o.requests / loadMs) * 1000, 0),
      shutdownMs: round(exit.at - tStop),
      exitCode: exit.code,
      exitSignal: exit.signal,
    };
  } catch (error) {
    if (!server.exitInfo) child.kill('SIGKILL');
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------
// Targets: how to get fresh data and the environment of the server process.

const baseEnv = (o) => serverEnv({ environment: o.env, logLevel: 'info' });

const embeddedTarget = {
  name: 'embedded',
  available: async () => ({ ok: true }),
  /** A fresh empty data dir; returns { env, dispose }. */
  fresh: async (o) => {
    const { dir, dispose } = tempDataDir();
    return { env: { ...baseEnv(o), RUSTOK_DATABASE__DATA_DIR: dir }, dispose };
  },
};

const postgresTarget = (adminUrl) => ({
  name: 'postgres',
  available: () => probePostgres(adminUrl),
  /** A throw-away database rustok_bench_<random>, dropped WITH (FORCE) by dispose. */
  fresh: async (o) => {
    const { url, dispose } = await throwAwayDatabase(adminUrl);
    return { env: { ...baseEnv(o), DATABASE_URL: url }, dispose };
  },
});

// ---------------------------------------------------------------------------------------------

const summarize = (samples) => {
  const pick = (k) => stats(samples.map((s) => s[k]));
  return {
    readyMs: pick('readyMs'),
    readyLogMs: pick('readyLogMs'),
    idleRssMiB: pick('idleRssMiB'),
    loadRssMiB: pick('loadRssMiB'),
    rssGrowthMiB: stats(samples.map((s) => (s.idleRssMiB === null || s.loadRssMiB === null ? null : round(s.loadRssMiB - s.idleRssMiB)))),
    requestsPerSecond: pick('requestsPerSecond'),
    shutdownMs: pick('shutdownMs'),
    exitCodes: samples.map((s) => s.exitCode),
    non200: samples.reduce((n, s) => n + s.non200, 0),
  };
};

export async function run(options = {}) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['runs', 'readyTimeoutMs', 'shutdownTimeoutMs', 'pollMs']);
  requireIntegers(o, ['requests', 'idleMs'], 0);
  const root = o.root;
  const targets = [embeddedTarget, postgresTarget(process.env.DATABASE_URL)];
  const skipped = [];

  const results = {};
  const problems = [];
  for await (const { target, availability } of availableTargets(targets, skipped)) {
    const cold = [];
    const warm = [];
    for (let i = 1; i <= o.runs; i++) {
      const data = await target.fresh(o);
      try {
        log(`${target.name} run ${i}/${o.runs}: cold start`);
        cold.push(await serverLifetime({ root, env: data.env, o }));
        log(`${target.name} run ${i}/${o.runs}: warm start`);
        warm.push(await serverLifetime({ root, env: data.env, o }));
      } finally {
        await data.dispose();
      }
    }
    for (const [phase, samples] of [
      ['cold', cold],
      ['warm', warm],
    ]) {
      for (const [idx, s] of samples.entries()) {
        if (s.exitCode !== 0) problems.push(`${target.name} ${phase} run ${idx + 1}: exit code ${s.exitCode} (signal ${s.exitSignal})`);
        if (s.non200 > 0) problems.push(`${target.name} ${phase} run ${idx + 1}: ${s.non200} non-200 answers`);
      }
    }
    results[target.name] = {
      ...(availability.version ? { serverVersion: availability.version } : {}),
      cold: { summary: summarize(cold), samples: cold },
      warm: { summary: summarize(warm), samples: warm },
    };
  }

  const fmt = (s) => fmtRange(s, String);
  const rows = [];
  for (const [name, r] of Object.entries(results)) {
    for (const phase of ['cold', 'warm']) {
      const s = r[phase].summary;
      rows.push([
        name,
        phase,
        fmt(s.readyMs),
        s.idleRssMiB.median,
        s.loadRssMiB.median,
        s.rssGrowthMiB.median,
        s.requestsPerSecond.median,
        fmt(s.shutdownMs),
        [...new Set(s.exitCodes)].join(','),
      ]);
    }
  }
  const notes = [
    `medians of ${o.runs} runs, min–max in parentheses; RUSTOK_ENV=${o.env}; RSS in MiB; load = ${o.requests} sequential GET /health/ready after ${o.idleMs} ms idle`,
    ...skipped.map((s) => `skipped ${s.target}: ${s.reason}`),
    ...problems.map((p) => `PROBLEM: ${p}`),
  ];
  return {
    ok: problems.length === 0,
    parameters: { runs: o.runs, requests: o.requests, idleMs: o.idleMs, environment: o.env, pollMs: o.pollMs },
    results,
    skipped,
    problems,
    table: {
      title: 'startup',
      columns: ['database', 'start', 'ready ms', 'idle RSS', `RSS after ${o.requests} req`, 'RSS growth', 'req/s', 'shutdown ms', 'exit'],
      rows,
      notes,
    },
  };
}
