/**
 * A call put off until `ms` have passed without another: `call` (re)starts the wait with the newest
 * arguments, `flush` runs a waiting call now, `cancel` drops it.
 */
export const debounce = <A extends unknown[]>(fn: (...args: A) => void, ms: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: A | undefined;
  const run = (): void => {
    timer = undefined;
    const args = waiting;
    waiting = undefined;
    if (args) fn(...args);
  };
  return {
    call(...args: A): void {
      waiting = args;
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    flush(): void {
      clearTimeout(timer);
      run();
    },
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
};

/** How long to wait before the attempt after `failures` failed ones in a row: doubling from `baseMs` up to `maxMs`, with ±20 % jitter. */
export const backoffMs = (failures: number, baseMs = 1_000, maxMs = 30_000, random: () => number = Math.random): number => {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
};
