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

export const createClock = (cpuBudgetMs: number, wallBudgetMs: number): RunClock => {
  const wallDeadline = performance.now() + wallBudgetMs;
  let spent = 0;
  let since: number | undefined;
  let timedOut = false;
  const inside = (): number => spent + (since === undefined ? 0 : performance.now() - since);
  return {
    enter: () => {
      since = performance.now();
    },
    leave: () => {
      if (since !== undefined) spent += performance.now() - since;
      since = undefined;
    },
    expired: () => {
      if (!timedOut && (inside() > cpuBudgetMs || performance.now() > wallDeadline)) timedOut = true;
      return timedOut;
    },
    get timedOut() {
      return timedOut;
    },
    cpuMs: () => Math.round(inside() * 1000) / 1000,
    wallLeftMs: () => wallDeadline - performance.now(),
  };
};
