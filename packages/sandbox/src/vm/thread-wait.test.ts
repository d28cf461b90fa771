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
    // Fake sources for both clocks, so a busy test machine cannot stretch the time between two reads:
    // 40 ms inside the brackets, of which the thread waited 30.
    let now = 0;
    let waited = 0;
    const clock = createClock(20, 10_000, { now: () => now, threadWaited: () => waited });
    clock.enter();
    now = 40;
    waited = 30;
    expect(clock.expired()).toBe(false);
    clock.leave();
    expect(clock.cpuMs()).toBe(10);
    // Without the wait, the same 40 ms are over the 20 ms budget.
    const unwaited = createClock(20, 10_000, { now: () => now, threadWaited: () => 0 });
    unwaited.enter();
    now = 80;
    expect(unwaited.expired()).toBe(true);
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
