/** A settable clock, in milliseconds since the epoch. */
export const createClock = (start = Date.now()) => {
  let current = start;
  return { now: () => current, advance: (ms: number) => (current += ms), set: (ms: number) => (current = ms) };
};
