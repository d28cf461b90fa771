/**
 * A worker thread that has run `sliceMs` without a pause sleeps for a moment (~0.07 ms: the shortest
 * sleep a thread gets), so a thread waiting for this CPU (the process's requests, the database) gets it
 * now instead of at the scheduler's next tick (up to 4 ms later, whatever the worker's nice value).
 * Called from the VM's interrupt handler; the sleep is not counted as the script's time.
 */
export interface StepAside {
  /** Sleeps when the slice is used up; returns the ms slept (0 when it did not). */
  check(): number;
  /** Whether the slice is used up (check would sleep). */
  due(): boolean;
  /** The thread starts VM work: a gap since it left the VM counts as a pause. */
  entered(): void;
  /** The thread leaves the VM. */
  left(): void;
}

const PAUSE_MS = 0.001;

export const createStepAside = (sliceMs: number): StepAside => {
  if (!(sliceMs > 0)) return { check: () => 0, due: () => false, entered: () => undefined, left: () => undefined };
  const cell = new Int32Array(new SharedArrayBuffer(4));
  let since = performance.now();
  let leftAt = since;
  return {
    due: () => performance.now() - since >= sliceMs,
    check: () => {
      const now = performance.now();
      if (now - since < sliceMs) return 0;
      Atomics.wait(cell, 0, 0, PAUSE_MS);
      since = performance.now();
      return since - now;
    },
    entered: () => {
      const now = performance.now();
      if (now - leftAt >= sliceMs) since = now;
    },
    left: () => {
      leftAt = performance.now();
    },
  };
};
