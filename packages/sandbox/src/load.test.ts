import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { createSandbox } from './index.js';

it('runs at most 4 of a key at once out of 1,000 submitted; the excess queues or gets SCRIPT_BUSY', async () => {
  const sandbox = createSandbox({ size: 6, concurrencyPerKey: 4, queuePerKey: 50 });
  let active = 0;
  let most = 0;
  const host = {
    enter: async () => {
      active += 1;
      most = Math.max(most, active);
      await sleep(20);
      return null;
    },
    leave: () => {
      active -= 1;
      return null;
    },
  };
  try {
    // Six workers warm up at once on a small machine: the first runs take a cold WebAssembly's time.
    const limits = { cpuMs: 1_000, wallMs: 5_000 };
    const source = 'await ctx.call("enter"); await ctx.call("leave"); return ctx.input';
    const runs = Array.from({ length: 1_000 }, (_, i) => sandbox.run({ key: 'tenant-a', source, input: i, host, limits }));
    const results = await Promise.all(runs);
    const ok = results.filter((r) => r.ok);
    const busy = results.filter((r) => !r.ok && r.code === 'SCRIPT_BUSY');
    expect(results.filter((r) => !r.ok && r.code !== 'SCRIPT_BUSY')).toEqual([]);
    expect(ok).toHaveLength(54);
    expect(busy).toHaveLength(946);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
    expect(await sandbox.run({ key: 'tenant-a', source: 'return 1' })).toMatchObject({ ok: true, output: 1 });
  } finally {
    await sandbox.close();
  }
});

it('keeps the main event loop responsive while scripts burn their CPU budget', async () => {
  const sandbox = createSandbox({ size: 2, concurrencyPerKey: 8 });
  try {
    await sandbox.run({ key: 'warm', source: 'return 1' });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const runs = Array.from({ length: 8 }, () => sandbox.run({ key: 'tenant-a', source: 'while (true) {}', limits: { cpuMs: 150 } }));
    const results = await Promise.all(runs);
    delay.disable();
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(Array(8).fill('SCRIPT_TIMEOUT'));
    // On the main thread the loop would stand still for each 150 ms run (a handful of samples, each ≥ 150 ms);
    // the bound leaves room for a machine busy with other tests.
    expect(delay.count).toBeGreaterThan(50);
    expect(delay.percentile(99) / 1e6).toBeLessThan(100);
  } finally {
    await sandbox.close();
  }
});
