// HTTP pieces of the storefront suite: the built server and the bare reference as child processes,
// JSON requests, and autocannon runs with sub-millisecond latencies.
import { Agent } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, percentile, httpJson as requestJson, round, spawnTracked, startBuiltServer, withTimeout } from '../lib.mjs';

/** The built server, ready (see startBuiltServer): { base, stop, output }. */
export const startServer = ({ root, env, readyTimeoutMs, nice }) => startBuiltServer({ root, env, readyTimeoutMs, pollMs: 50, nice });

/** A reference server in its own process, ready once its stdout shows `readyText`: { base, stop }. */
export const startReference = async ({ root, what, args, env, port, readyText }) => {
  const child = spawnTracked(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (c) => {
    output += c;
  });
  await withTimeout(
    new Promise((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (c) => c.includes(readyText) && resolve());
      child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${output.slice(-500)}`)));
    }),
    30_000,
    `${what} start`,
  );
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await withTimeout(exited, 10_000, `${what} stop`).catch(() => child.kill('SIGKILL'));
    },
  };
};

/** The bare Fastify + pg route running the platform's own statements, on the owner connection: { base, stop }. */
export const startBare = async ({ root, url, poolMax }) => {
  const port = await freePort();
  const args = [join(root, 'bench/suites/storefront-bare.mjs'), String(port), url, String(poolMax)];
  return startReference({ root, what: 'bare server', args, env: {}, port, readyText: 'ready' });
};

/** The shared ceiling (bench/ceiling/server-pg.cjs) over product_flat: { base, stop }. */
export const startCeiling = async ({ root, url, poolMax }) => {
  const port = await freePort();
  const env = { CEILING_DB_URL: url, CEILING_PORT: String(port), CEILING_POOL: String(poolMax) };
  return startReference({
    root,
    what: 'ceiling server',
    args: [join(root, 'bench/ceiling/server-pg.cjs')],
    env,
    port,
    readyText: 'listening',
  });
};

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** One JSON request over the suite's keep-alive agent: { status, body }. */
export const httpJson = (method, url, options = {}) => requestJson(method, url, { agent, timeoutMs: 30_000, ...options });

/** { count, p50Ms, p99Ms, maxMs, meanMs } of latencies in ms. */
export const summary = (values) => {
  const sorted = Float64Array.from(values).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: sorted.length ? round(sorted[sorted.length - 1], 2) : null,
    meanMs: sorted.length ? round(sum / sorted.length, 2) : null,
  };
};

/** autocannon (in this process) with per-response latencies; `setup(req)` may vary each request. */
/** autocannon at full speed, or paced at `overallRate` requests/s across the connections when given. */
export const cannon = ({ base, target, connections, duration, overallRate }) =>
  new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        ...(overallRate ? { overallRate } : {}),
        requests: [{ method: target.method ?? 'GET', body: target.body, headers: target.headers ?? {}, setupRequest: target.setup }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
