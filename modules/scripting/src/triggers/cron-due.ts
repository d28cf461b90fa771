import { parseCron } from '@rustok/kernel';

const MINUTE = 60_000;
/** Minutes looked back at most (a schedule idle longer fires once, for its latest match). */
const LOOKBACK = 1_440;

/**
 * The latest minute in (firedAt, now] the expression matches, if any, and at least `minIntervalMs`
 * after `firedAt`; undefined when the trigger is not due.
 */
export const dueMinute = (expression: string, firedAt: Date, now: Date, minIntervalMs: number): Date | undefined => {
  if (now.getTime() - firedAt.getTime() < minIntervalMs) return undefined;
  const schedule = parseCron(expression);
  const last = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const floor = Math.max(firedAt.getTime(), last - LOOKBACK * MINUTE);
  for (let t = last; t > floor; t -= MINUTE) {
    const at = new Date(t);
    if (schedule.matches(at)) return at;
  }
  return undefined;
};
