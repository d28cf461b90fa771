// Open-loop load at a steady rate, as wrk2 does: request i is due at start + i / rate, whatever the
// answers, over keep-alive connections; its latency runs from the moment it was due, so a server that
// stalls is not hidden by a client that waits (no coordinated omission). autocannon's `overallRate`
// is no substitute: each connection sends its quota for the second at full speed and then waits, so
// its "paced" load arrives as bursts at the start of each second.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { httpGet, sleep } from '../lib.mjs';
import { summary } from './storefront-http.mjs';

/** One GET over `agent`; resolves true on a 2xx answer read to its end (a late one still counts, as latency). */
const get = (agent, url, headers) =>
  httpGet(url, { agent, headers, timeoutMs: 60_000 }).then(
    ({ status }) => status >= 200 && status < 300,
    () => false,
  );

/**
 * GETs `url` (or, given `next`, the { url, headers } it returns for each request) at `rate` per second for `warmupS` + `durationS` seconds; the first `warmupS` (connections
 * opening, both sides' code warming) are not measured: { requestsPerSecond, failed, late, maxLateMs,
 * slow, ...summary }. `late` counts requests sent more than 1 ms after they were due (the generator
 * itself fell behind); `slow` lists the first 50 over 50 ms as [ms since the measure began, latency].
 */
export const pacedLoad = async ({ url, headers = {}, next, rate, durationS, warmupS = 1, connections = 32 }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  const pending = new Set();
  let failed = 0;
  let late = 0;
  let maxLateMs = 0;
  const slow = [];
  const warmup = Math.round(rate * warmupS);
  const origin = performance.now();
  const start = origin + warmupS * 1000;
  const total = warmup + Math.round(rate * durationS);
  for (let i = 0; i < total; i++) {
    const due = origin + (i * 1000) / rate;
    const measured = i >= warmup;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    const sentAt = performance.now();
    const lateMs = sentAt - due;
    // From when it was due, or from when it left if it left up to 0.5 ms early (never negative).
    const from = Math.min(due, sentAt);
    if (measured && lateMs > 1) late++;
    if (measured && lateMs > maxLateMs) maxLateMs = lateMs;
    const target = next ? next() : { url, headers };
    const p = get(agent, target.url, target.headers).then((ok) => {
      pending.delete(p);
      if (!measured) return;
      const ms = performance.now() - from;
      if (ms > 50 && slow.length < 50) slow.push([Math.round(from - start), Math.round(ms)]);
      if (ok) latencies.push(ms);
      else failed++;
    });
    pending.add(p);
  }
  await Promise.all(pending);
  const seconds = Math.max(durationS, (performance.now() - start) / 1000);
  agent.destroy();
  return {
    requestsPerSecond: Math.round(latencies.length / seconds),
    failed,
    late,
    maxLateMs: Math.round(maxLateMs),
    slow,
    ...summary(latencies),
  };
};
