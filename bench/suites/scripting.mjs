// Scripting suite: the tenant-script sandbox (@rustok/sandbox, built dist). Cold start (a new
// sandbox: worker threads load QuickJS, then the first run) and the overhead of a warm run of a
// trivial script, one at a time and with the pool busy. See bench/README.md.
import { performance } from 'node:perf_hooks';
import { createSandbox } from '@rustok/sandbox';
import { requireIntegers } from '../lib.mjs';
import { percentile, round, stats } from '../stats.mjs';

const defaults = { runs: 3, warmRuns: 2_000, size: 2, warmTargetMs: 2 };

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
  const sandbox = createSandbox({ size, concurrencyPerKey: count, queuePerKey: count });
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

export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['runs', 'warmRuns', 'size']);
  const cold = [];
  for (let i = 0; i < o.runs; i++) cold.push(await coldStart(o.size));
  const w = await warm(o.size, o.warmRuns);
  const coldStats = stats(cold);
  const ok = w.serial.p50 <= o.warmTargetMs;
  return {
    ok,
    options: o,
    coldStartMs: { ...coldStats, runs: cold.map((ms) => round(ms, 1)) },
    warm: w,
    table: {
      title: `Scripting sandbox (QuickJS in ${o.size} worker threads)`,
      columns: ['measure', 'p50 ms', 'p99 ms', 'max ms', 'n'],
      rows: [
        ['cold start: new sandbox → first result', round(coldStats.median, 1), null, round(coldStats.max, 1), o.runs],
        ['warm run, one at a time (round trip)', w.serial.p50, w.serial.p99, w.serial.max, w.serial.n],
        ['  of which inside the VM (cpuMs)', w.vm.p50, w.vm.p99, w.vm.max, w.vm.n],
      ],
      notes: [
        `trivial script: ${TRIVIAL}; fresh context per run`,
        `all ${o.warmRuns} at once: ${w.parallelRunsPerS} runs/s`,
        `target: warm p50 ≤ ${o.warmTargetMs} ms — ${ok ? 'met' : 'NOT met'}`,
      ],
    },
  };
}
