import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';
import { threadWaitClock } from './thread-wait.js';

const busyFor = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('time a run waited for a CPU', () => {
  it('is left out of the charge', () => {
    // A fake source: the thread "waited" all but ~10 ms of its time inside the brackets, however long
    // a busy test machine made that time.
    let waited = 0;
    const clock = createClock(20, 10_000, { threadWaited: () => waited });
    const started = performance.now();
    clock.enter();
    busyFor(40);
    waited = performance.now() - started - 10;
    expect(clock.expired()).toBe(false);
    clock.leave();
    expect(clock.cpuMs()).toBeGreaterThanOrEqual(9);
    expect(clock.cpuMs()).toBeLessThan(20);
  });

  it.runIf(process.platform === 'linux')('is what the system counts: a thread among more busy threads than CPUs waits', async () => {
    const waitedMs = threadWaitClock();
    if (!waitedMs) throw new Error('no /proc/thread-self/schedstat');
    const spinners = Array.from(
      { length: availableParallelism() + 1 },
      () => new Worker('const end = Date.now() + 3000; while (Date.now() < end);', { eval: true }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = waitedMs();
      busyFor(300);
      expect(waitedMs() - before).toBeGreaterThan(1);
    } finally {
      await Promise.all(spinners.map((w) => w.terminate()));
    }
  });
});
