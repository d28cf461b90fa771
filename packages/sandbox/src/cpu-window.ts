/**
 * CPU time spent per key (a tenant) over the last minute, kept as one-second buckets: a key that
 * has spent its budget runs again once enough of its spending is older than the window.
 */
export interface CpuWindow {
  /** Milliseconds until the key may run again; 0 when it may run now. */
  waitMs(key: string, now?: number): number;
  /** Adds a finished run's CPU time to the key. */
  spend(key: string, cpuMs: number, now?: number): void;
}

interface Bucket {
  readonly second: number;
  ms: number;
}

interface Spent {
  readonly buckets: Bucket[];
  total: number;
}

const BUCKET_MS = 1_000;

export const createCpuWindow = (budgetMs: number, windowMs = 60_000): CpuWindow => {
  const spent = new Map<string, Spent>();
  /** Drops the buckets that have left the window (and the key, once it has none). */
  const current = (key: string, now: number): Spent | undefined => {
    const entry = spent.get(key);
    if (!entry) return undefined;
    const oldest = Math.floor((now - windowMs) / BUCKET_MS);
    while (entry.buckets.length > 0 && (entry.buckets[0]?.second ?? 0) <= oldest) entry.total -= entry.buckets.shift()?.ms ?? 0;
    if (entry.buckets.length === 0) spent.delete(key);
    return entry.buckets.length > 0 ? entry : undefined;
  };
  return {
    waitMs: (key, now = Date.now()) => {
      const entry = current(key, now);
      if (!entry || entry.total < budgetMs) return 0;
      // The oldest buckets leave first: wait until what is left is under the budget.
      let left = entry.total;
      for (const bucket of entry.buckets) {
        left -= bucket.ms;
        if (left < budgetMs) return Math.max(1, (bucket.second + 1) * BUCKET_MS + windowMs - now);
      }
      return 1;
    },
    spend: (key, cpuMs, now = Date.now()) => {
      const second = Math.floor(now / BUCKET_MS);
      const entry = current(key, now) ?? { buckets: [], total: 0 };
      const last = entry.buckets.at(-1);
      if (last?.second === second) last.ms += cpuMs;
      else entry.buckets.push({ second, ms: cpuMs });
      entry.total += cpuMs;
      spent.set(key, entry);
    },
  };
};
