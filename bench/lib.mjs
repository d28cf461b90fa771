// Helpers shared by the benchmark suites (node built-ins, plus `pg` loaded on demand): child-process
// tracking so that a failure or the overall timeout never leaves a server behind, cleanup hooks,
// throw-away databases and data dirs, the built server, option checks, statistics, tables.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serverEnvironment, serverNodeFlags } from '../scripts/server-launch.mjs';
import { round } from './stats.mjs';

export * from './stats.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes a progress line to stderr (stdout is kept for the result tables). */
export const log = (line) => process.stderr.write(`[bench] ${line}\n`);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Children and cleanups

const children = new Set();
const cleanups = new Set();

/** spawn() whose child is killed (SIGKILL) by killAllChildren() on failure or timeout. */
export const spawnTracked = (command, args, options) => {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
};

export const killAllChildren = () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
};

/** Registers a cleanup (temp dir, throw-away database) run by runCleanups(); returns a remover. */
export const onCleanup = (fn) => {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
};

/** Runs every pending cleanup, each bounded to `timeoutMs`; never throws. */
export const runCleanups = async (timeoutMs = 15_000) => {
  const pending = [...cleanups];
  cleanups.clear();
  for (const fn of pending) {
    try {
      await withTimeout(Promise.resolve().then(fn), timeoutMs, 'cleanup');
    } catch (error) {
      log(`cleanup failed: ${error.message}`);
    }
  }
};

export const withTimeout = (promise, ms, what) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

// ---------------------------------------------------------------------------------------------
// Databases and data dirs

/** The application role (not owner, no BYPASSRLS) that migrations create and the server runs as. */
export const APP_ROLE = 'rustok_app';

/** Runs fn(client) on one `pg` connection to the admin URL, closed afterwards. */
export const withAdmin = async (adminUrl, fn) => {
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

/** Probes DATABASE_URL (or `adminUrl`): { ok: true, version } or { ok: false, reason } (also when unset). */
export const probePostgres = async (adminUrl = process.env.DATABASE_URL) => {
  if (!adminUrl) return { ok: false, reason: 'DATABASE_URL is not set' };
  try {
    const version = await withTimeout(
      withAdmin(adminUrl, async (c) => (await c.query('SHOW server_version')).rows[0].server_version),
      10_000,
      'connecting to DATABASE_URL',
    );
    return { ok: true, version };
  } catch (error) {
    return { ok: false, reason: error.message };
  }
};

/** Creates database rustok_bench_<random> through the admin URL: { name, url, keep, dispose } (DROP … WITH (FORCE), also on cleanup, unless kept). */
export const throwAwayDatabase = async (adminUrl) => {
  const name = `rustok_bench_${randomBytes(6).toString('hex')}`;
  await withTimeout(
    withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`)),
    30_000,
    `CREATE DATABASE ${name}`,
  );
  const drop = () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const remove = onCleanup(drop);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    /** Leaves the database in place (for looking into its statements afterwards). */
    keep: () => remove(),
    dispose: async () => {
      remove();
      await withTimeout(drop(), 30_000, `DROP DATABASE ${name}`);
    },
  };
};

/** A fresh empty temporary directory rustok-bench-*: { dir, dispose } (removed, also on cleanup). */
export const tempDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rustok-bench-'));
  const rm = () => rmSync(dir, { recursive: true, force: true });
  const remove = onCleanup(rm);
  return {
    dir,
    dispose: async () => {
      remove();
      rm();
    },
  };
};

/** Yields { target, availability } for each target whose available() is ok; logs the others and adds them to `skipped`. */
export async function* availableTargets(targets, skipped) {
  for (const target of targets) {
    const availability = await target.available();
    if (availability.ok) yield { target, availability };
    else {
      log(`${target.name}: skipped (${availability.reason})`);
      skipped.push({ target: target.name, reason: availability.reason });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The built server

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** Last `n` lines of a child's collected output chunks, for error messages. */
export const tail = (chunks, n = 15) => chunks.join('').split('\n').slice(-n).join('\n');

/**
 * process.env for the server on 127.0.0.1, without any database / port / NODE_ENV setting of our own.
 * Request rate limits are off: every load generator here is one client at one address, which a
 * production budget would throttle after its first few hundred requests.
 */
export const serverEnv = ({ environment, logLevel }) => {
  const env = {
    ...process.env,
    RUSTOK_ENV: environment,
    LOG_LEVEL: logLevel,
    RUSTOK_SERVER__HOST: '127.0.0.1',
    RUSTOK_SETTINGS__RUSTOK__RATE_LIMIT__ENABLED: 'false',
  };
  for (const key of ['DATABASE_URL', 'RUSTOK_DATABASE__URL', 'RUSTOK_DATABASE__DATA_DIR', 'NODE_ENV', 'PORT', 'RUSTOK_SERVER__PORT'])
    delete env[key];
  if (process.env.BENCH_SERVER_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS;
  return env;
};

/**
 * Spawns `apps/server/dist/cli/main.js start` (tracked) on `port`, keeping its last 200 output
 * chunks: { child, output, exited (→ { code, signal, at }), exitInfo (null until it exits) }.
 */
export const spawnServer = ({ root, env, port, nice }) => {
  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=./profiles".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The flags `npm start` gives the server first, so BENCH_SERVER_NODE_ARGS can override them.
  const args = [...serverNodeFlags(env), ...nodeArgs, join(root, 'apps/server/dist/cli/main.js'), 'start'];
  // `nice` lowers the process's CPU priority (nice execs node: the pid stays the server's).
  const [command, argv] = nice ? ['nice', ['-n', String(nice), process.execPath, ...args]] : [process.execPath, args];
  const child = spawnTracked(command, argv, {
    cwd: root,
    env: serverEnvironment({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const server = { child, output, exitInfo: null };
  server.exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      server.exitInfo = { code, signal, at: performance.now() };
      resolve(server.exitInfo);
    }),
  );
  return server;
};

/** Polls GET `url` every `pollMs` until 200; returns ms since `t0`; throws when `server` exits or after `timeoutMs`. */
export const waitReady = async ({ url, server, t0, timeoutMs, pollMs }) => {
  let lastStatus = null;
  for (;;) {
    const exit = server.exitInfo;
    if (exit) throw new Error(`server exited (code ${exit.code}, signal ${exit.signal}) before ready:\n${tail(server.output)}`);
    if (performance.now() - t0 > timeoutMs)
      throw new Error(`not ready within ${timeoutMs} ms (last status ${lastStatus}):\n${tail(server.output)}`);
    try {
      const { status } = await httpGet(url, { timeoutMs: 2_000 });
      lastStatus = status;
      if (status === 200) return performance.now() - t0;
    } catch {}
    await sleep(pollMs);
  }
};

/**
 * Spawns the built server on a free port and waits for /health/ready = 200 (polling every `pollMs`):
 * { base, stop, output, pid }. `stop()` sends SIGTERM, then SIGKILL after 20 s; a server that never
 * gets ready is stopped before the error is thrown.
 */
export const startBuiltServer = async ({ root, env, readyTimeoutMs, pollMs = 20, nice }) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawnServer({ root, env, port, nice });
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
    await waitReady({ url: `${base}/health/ready`, server, t0: performance.now(), timeoutMs: readyTimeoutMs, pollMs });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, output: server.output, pid: server.child.pid };
};

// ---------------------------------------------------------------------------------------------
// Options

/** Throws unless every `o[key]` is an integer ≥ `min` (the message names the option). */
export const requireIntegers = (o, keys, min = 1) => {
  for (const k of keys) {
    if (!Number.isInteger(o[k]) || o[k] < min) throw new Error(`--${k} must be a positive integer (got ${o[k]})`);
  }
};

// ---------------------------------------------------------------------------------------------
// Process and HTTP measurements

/** The 1/5/15-minute load averages, two decimals. */
export const loadAverage = () => loadavg().map((x) => round(x, 2));

/** Resident set size of a process in bytes (Linux /proc), or null where unavailable. */
export const rssBytes = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
};

/** One GET; resolves { status } or rejects on connection errors / after `timeoutMs`. */
export const httpGet = (url, { agent, headers = {}, timeoutMs = 2_000 } = {}) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: agent ?? false, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end();
  });

/**
 * One JSON request: { status, body } (the body parsed when it is JSON, else the text). `agent`
 * false (the default) opens a connection per request; suites pass a keep-alive agent of their own.
 */
export const httpJson = async (method, url, options = {}) => {
  try {
    return await httpJsonOnce(method, url, options);
  } catch (error) {
    // A kept-alive connection the server closed just as this request went out on it: once more on
    // a new connection (the request was never answered, Node's advice for `reusedSocket`).
    if (error.reusedSocket && error.code === 'ECONNRESET') return httpJsonOnce(method, url, options);
    throw error;
  }
};

const httpJsonOnce = (method, url, { headers = {}, body, agent = false, timeoutMs = 10_000 } = {}) =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        timeout: timeoutMs,
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
    req.once('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(payload);
  });
