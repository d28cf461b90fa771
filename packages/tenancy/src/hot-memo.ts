/**
 * The tenant cache's first stop: a plain map of what the cache answered in the last second, so a
 * request for a tenant served a moment ago costs one map lookup instead of a trip through the
 * cache library (entry options, a copy of the value, events). It holds nothing the memory tier
 * does not: it is emptied whenever the tier may have changed (a local invalidation, any message
 * from the invalidation bus), and an answer that was being looked up while it was emptied is not
 * kept, so a lookup that raced an invalidation cannot put the old value back.
 */
export interface HotMemo<V> {
  /** The value remembered for `key`, or `MISS`. */
  get(key: string): V | typeof MISS;
  /** Remembers `value` for at most `ttlMs` (and never longer than the memo's window), unless emptied since `since`. */
  set(key: string, value: V, ttlMs: number, since: number): void;
  /** A mark to pass to `set`: a value looked up after this mark is kept only if nothing was emptied in between. */
  mark(): number;
  clear(): void;
}

export const MISS: unique symbol = Symbol('miss');

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

export interface HotMemoOptions {
  /** The longest an answer is kept (ms). */
  readonly windowMs: number;
  /** Entries kept at most; past it the memo starts over. */
  readonly maxItems: number;
  readonly now?: () => number;
}

export const createHotMemo = <V>(options: HotMemoOptions): HotMemo<V> => {
  const now = options.now ?? Date.now;
  let entries = new Map<string, Entry<V>>();
  let generation = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return MISS;
      if (entry.expiresAt > now()) return entry.value;
      entries.delete(key);
      return MISS;
    },
    set(key, value, ttlMs, since) {
      if (since !== generation || ttlMs <= 0) return;
      if (entries.size >= options.maxItems) entries = new Map();
      entries.set(key, { value, expiresAt: now() + Math.min(ttlMs, options.windowMs) });
    },
    mark: () => generation,
    clear() {
      generation += 1;
      entries = new Map();
    },
  };
};
