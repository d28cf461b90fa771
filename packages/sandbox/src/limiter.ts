/** Gives back a slot taken with `acquire`. */
export type Release = () => void;

/** At most `concurrency` holders per key, at most `queue` waiting per key; beyond, `acquire` answers undefined at once. */
export interface KeyedLimiter {
  acquire(key: string): Promise<Release> | undefined;
  /** Holders and waiters of a key, for tests and metrics. */
  load(key: string): { readonly active: number; readonly waiting: number };
}

interface KeyState {
  active: number;
  readonly waiting: (() => void)[];
}

export const createKeyedLimiter = (concurrency: number, queue: number): KeyedLimiter => {
  const keys = new Map<string, KeyState>();

  const release = (key: string, state: KeyState): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) return next();
      state.active -= 1;
      if (state.active === 0) keys.delete(key);
    };
  };

  return {
    acquire: (key) => {
      let state = keys.get(key);
      if (!state) {
        state = { active: 0, waiting: [] };
        keys.set(key, state);
      }
      const held = state;
      if (held.active < concurrency) {
        held.active += 1;
        return Promise.resolve(release(key, held));
      }
      if (held.waiting.length >= queue) return undefined;
      return new Promise<Release>((resolve) => held.waiting.push(() => resolve(release(key, held))));
    },
    load: (key) => {
      const state = keys.get(key);
      return { active: state?.active ?? 0, waiting: state?.waiting.length ?? 0 };
    },
  };
};
