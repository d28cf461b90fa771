import { expect, it } from 'vitest';
import { createClock } from './clock.js';

/** The wall clock of the test: time passes only when the test says so, whatever the machine's load. */
let wallMs = 0;
const busyFor = (ms: number): void => {
  wallMs += ms;
};

it('does not stop a run early when its thread was preempted between the two clocks of a reading', () => {
  // A fake wait clock (ms the thread waited for a CPU, as the system has it on record). The reading
  // after enter's is taken, then the thread "waits" 15 ms before the wall clock is read (a
  // preemption between the two reads); the system has that wait on record from then on.
  let calls = 0;
  let recorded = 0;
  const threadWaited = (): number => {
    calls++;
    const value = recorded;
    if (calls === 2) {
      busyFor(15);
      recorded += 15;
    }
    return value;
  };
  const clock = createClock(20, 10_000, { threadWaited, now: () => wallMs });
  clock.enter();
  busyFor(8); // the script's work
  busyFor(14);
  recorded += 14; // ...and 14 ms of waiting, on record: 22 ms of wall time inside, 8 ms of work
  // Read once, 8 ms of work and 29 of waiting (15 of them not yet on record) look like 23 ms of work.
  expect(clock.expired()).toBe(false);
  clock.leave();
  expect(clock.cpuMs()).toBeGreaterThanOrEqual(8);
  expect(clock.cpuMs()).toBeLessThan(20);
});
