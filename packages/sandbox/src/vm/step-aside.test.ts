import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';
import { createStepAside } from './step-aside.js';

const busyFor = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('stepping aside', () => {
  it('sleeps once per slice of busy time, never sooner, and never with a slice of 0', () => {
    const started = performance.now();
    const stepAside = createStepAside(1);
    let pauses = 0;
    let slept = 0;
    while (pauses < 10 && performance.now() < started + 5_000) {
      const ms = stepAside.check();
      if (ms > 0) [pauses, slept] = [pauses + 1, slept + ms];
    }
    expect(pauses).toBe(10);
    // Ten pauses take at least ten slices of busy time besides the pauses themselves.
    expect(performance.now() - started - slept).toBeGreaterThanOrEqual(10 * 0.99);
    const never = createStepAside(0);
    const end = performance.now() + 5;
    while (performance.now() < end) expect(never.check()).toBe(0);
  });

  it('counts a gap outside the VM as a pause: a thread back from waiting gets a whole slice', () => {
    const stepAside = createStepAside(5);
    busyFor(6);
    stepAside.left();
    busyFor(6);
    stepAside.entered();
    expect(stepAside.check()).toBe(0);
  });

  it('leaves the pauses out of the time charged to the script', () => {
    // On a wall clock of its own (a busy wait on the real one counts whatever else the machine runs):
    // one pause of 20 ms inside 25 ms in the VM leaves exactly the 5 ms of work charged.
    let wallMs = 0;
    let paused = false;
    const pause = {
      check: () => {
        if (paused) return 0;
        paused = true;
        wallMs += 20;
        return 20;
      },
      due: () => !paused,
      entered: () => undefined,
      left: () => undefined,
    };
    const clock = createClock(1_000, 10_000, { stepAside: pause, now: () => wallMs });
    clock.enter();
    clock.expired();
    wallMs += 5;
    clock.leave();
    expect(clock.cpuMs()).toBe(5);
  });
});
