// Startup suite: time to ready (cold and warm), idle RSS, RSS after sequential health checks and
// graceful shutdown, for the embedded database and (when DATABASE_URL is set and reachable)
// PostgreSQL. See bench/README.md for what each figure means.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { httpGet, log, onCleanup, round, rssBytes, sleep, spawnTracked, stats, withTimeout } from '../lib.mjs';

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

/** A free TCP port on 127.0.0.1 (the server is started on it). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** Last lines of a child's output, for error messages. */
const tail = (chunks, n = 15) => chunks.join('').split('\n').slice(-n).join('\n');

/**
 * One server lifetime: spawn, wait for /health/ready = 200, idle, read RSS, send `requests`
 * sequential GET /health/ready, read RSS again, SIGTERM and wait for the exit.
 */
const serverLifetime = async ({ root, env, o }) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output = [];
  const t0 = performance.now();
  const child = spawnTracked(process.execPath, [join(root, 'apps/server/dist/cli/main.js'), 'start'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let readyLogMs = null;
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    output.push(chunk);
    if (output.length > 200) output.splice(0, output.length - 200);
    if (readyLogMs === null) {
      buffered += chunk;
      if (buffered.includes('"RusToK is ready"')) readyLogMs = performance.now() - t0;
      buffered = buffered.slice(-200);
    }
  });
  child.stderr.on('data', (chunk) => {
    output.push(chunk);
    if (output.length > 200) output.splice(0, output.length - 200);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  let exitInfo = null;
  void exited.then((e) => {
    exitInfo = e;
  });

  try {
    // Ready: poll until /health/ready answers 200.
    let readyMs = null;
    let lastStatus = null;
    while (readyMs === null) {
      if (exitInfo) throw new Error(`server exited (code ${exitInfo.code}, signal ${exitInfo.signal}) before ready:\n${tail(output)}`);
      if (performance.now() - t0 > o.readyTimeoutMs)
        throw new Error(`not ready within ${o.readyTimeoutMs} ms (last status ${lastStatus}):\n${tail(output)}`);
      try {
        const { status } = await httpGet(`${base}/health/ready`, { timeoutMs: 2_000 });
        lastStatus = status;
        if (status === 200) readyMs = performance.now() - t0;
        else await sleep(o.pollMs);
      } catch {
        await sleep(o.pollMs);
      }
    }

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
    if (!exitInfo) child.kill('SIGKILL');
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------
// Targets: how to get fresh data and the environment of the server process.

const baseEnv = (o) => {
  const env = { ...process.env, RUSTOK_ENV: o.env, LOG_LEVEL: 'info', RUSTOK_SERVER__HOST: '127.0.0.1' };
  for (const key of ['DATABASE_URL', 'RUSTOK_DATABASE__URL', 'RUSTOK_DATABASE__DATA_DIR', 'NODE_ENV', 'PORT', 'RUSTOK_SERVER__PORT'])
    delete env[key];
  return env;
};

const embeddedTarget = {
  name: 'embedded',
  available: async () => ({ ok: true }),
  /** A fresh empty data dir; returns { env, dispose }. */
  fresh: async (o) => {
    const dir = mkdtempSync(join(tmpdir(), 'rustok-bench-'));
    const dispose = () => rmSync(dir, { recursive: true, force: true });
    const remove = onCleanup(dispose);
    return {
      env: { ...baseEnv(o), RUSTOK_DATABASE__DATA_DIR: dir },
      dispose: async () => {
        remove();
        dispose();
      },
    };
  },
};

const postgresTarget = (adminUrl) => {
  const withClient = async (fn) => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    client.on('error', () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
  return {
    name: 'postgres',
    available: async () => {
      try {
        const version = await withTimeout(
          withClient(async (c) => (await c.query('SHOW server_version')).rows[0].server_version),
          10_000,
          'connecting to DATABASE_URL',
        );
        return { ok: true, version };
      } catch (error) {
        return { ok: false, reason: error.message };
      }
    },
    /** A throw-away database rustok_bench_<random>, dropped WITH (FORCE) by dispose. */
    fresh: async (o) => {
      const name = `rustok_bench_${randomBytes(6).toString('hex')}`;
      await withTimeout(
        withClient((c) => c.query(`CREATE DATABASE ${name}`)),
        30_000,
        `CREATE DATABASE ${name}`,
      );
      const drop = () => withClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const remove = onCleanup(drop);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        env: { ...baseEnv(o), DATABASE_URL: url.toString() },
        dispose: async () => {
          remove();
          await withTimeout(drop(), 30_000, `DROP DATABASE ${name}`);
        },
      };
    },
  };
};

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
  for (const k of ['runs', 'requests', 'idleMs', 'readyTimeoutMs', 'shutdownTimeoutMs', 'pollMs']) {
    if (!Number.isInteger(o[k]) || o[k] < (k === 'requests' || k === 'idleMs' ? 0 : 1))
      throw new Error(`--${k} must be a positive integer (got ${o[k]})`);
  }
  const root = o.root;
  const targets = [embeddedTarget];
  const skipped = [];
  if (process.env.DATABASE_URL) targets.push(postgresTarget(process.env.DATABASE_URL));
  else skipped.push({ target: 'postgres', reason: 'DATABASE_URL is not set' });

  const results = {};
  const problems = [];
  for (const target of targets) {
    const availability = await target.available();
    if (!availability.ok) {
      log(`${target.name}: skipped (${availability.reason})`);
      skipped.push({ target: target.name, reason: availability.reason });
      continue;
    }
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

  const fmt = (s, unit = '') => (s.median === null ? null : `${s.median}${unit} (${s.min}–${s.max})`);
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
