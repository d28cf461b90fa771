import { createStepAside, type StepAside } from './step-aside.js';

/** Time of one run: what it spent inside the VM, against its CPU budget and its wall deadline. */
export interface RunClock {
  /** Brackets each stretch of VM work. */
  enter(): void;
  leave(): void;
  /** The interrupt handler: true (and stays true) once a budget is spent. */
  expired(): boolean;
  readonly timedOut: boolean;
  cpuMs(): number;
  /** Milliseconds left before the wall deadline. */
  wallLeftMs(): number;
}

export interface ClockSources {
  /** The thread's pauses, taken in the interrupt handler (never counted as the script's time). */
  readonly stepAside?: StepAside;
  /** The thread's time spent waiting for a CPU, in ms (see thread-wait.ts); without it, none is known. */
  readonly threadWaited?: () => number;
  /** The wall clock in ms (`performance.now`); tests give their own. */
  readonly now?: () => number;
}

/** Time inside the VM brackets on one clock: spent so far plus the stretch under way. */
const bracket = (now: () => number) => {
  let spent = 0;
  let since: number | undefined;
  return {
    enter: () => {
      since = now();
    },
    leave: () => {
      if (since !== undefined) spent += now() - since;
      since = undefined;
    },
    inside: () => spent + (since === undefined ? 0 : now() - since),
    /** Moves the stretch's start past a pause. */
    skip: (ms: number) => {
      if (since !== undefined) since += ms;
    },
  };
};

/**
 * A script is charged its wall time inside the VM less the time its thread waited for a CPU where the
 * system tells it (Linux), so a busy machine or a low priority does not spend its CPU budget. The
 * waiting time is read only once the wall time inside has passed the budget (the charge is never more).
 */
export const createClock = (cpuBudgetMs: number, wallBudgetMs: number, sources: ClockSources = {}): RunClock => {
  const stepAside = sources.stepAside ?? createStepAside(0);
  const now = sources.now ?? (() => performance.now());
  const wallDeadline = now() + wallBudgetMs;
  const wall = bracket(now);
  const waitedNow = sources.threadWaited;
  const waited = waitedNow ? bracket(waitedNow) : undefined;
  // Waiting read before wall time: a wait between the two reads then counts as the script's, never the reverse.
  const charged = (): number => {
    const wait = waited?.inside() ?? 0;
    return Math.max(0, wall.inside() - wait);
  };
  /** A pause is left out of the wall time, less what of it the system counts as waiting (its wake-up). */
  const pause = (): void => {
    if (!stepAside.due()) return;
    const before = waitedNow?.() ?? 0;
    const slept = stepAside.check();
    wall.skip(slept - ((waitedNow?.() ?? 0) - before));
  };
  let timedOut = false;
  return {
    enter: () => {
      stepAside.entered();
      // Wall time read before waiting (the reverse of leave and charged), for the same reason.
      wall.enter();
      waited?.enter();
    },
    leave: () => {
      // Waiting read before wall time (as in charged).
      waited?.leave();
      wall.leave();
      stepAside.left();
    },
    expired: () => {
      pause();
      // Read twice: a preemption between the first read's two clocks overcharges it (see charged); the
      // second read, made once the thread is back, has that wait on record.
      if (!timedOut && wall.inside() > cpuBudgetMs && charged() > cpuBudgetMs && charged() > cpuBudgetMs) timedOut = true;
      if (!timedOut && now() > wallDeadline) timedOut = true;
      return timedOut;
    },
    get timedOut() {
      return timedOut;
    },
    cpuMs: () => Math.round(charged() * 1000) / 1000,
    wallLeftMs: () => wallDeadline - now(),
  };
};
