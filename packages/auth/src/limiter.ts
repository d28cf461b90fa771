import type { AppError, Config } from '@rustok/kernel';
import { authErrors } from './errors.js';

/** A fixed-window counter: how many hits since the window opened, and when it closes (ms since the epoch). */
export interface Counter {
  readonly count: number;
  readonly resetAt: number;
}

/**
 * Where attempt counters live. The in-process store serves one instance; a shared store (Redis:
 * INCR + PEXPIRE NX, GET + PTTL, DEL) gives several instances one view.
 */
export interface CounterStore {
  /** Adds one to the key's counter; a missing or closed window opens a new one of `windowMs`. */
  increment(key: string, windowMs: number, now: number): Promise<Counter>;
  /** The key's counter while its window is open. */
  read(key: string, now: number): Promise<Counter | undefined>;
  delete(key: string): Promise<void>;
}

const SWEEP_EVERY = 1_000;

const sweep = (counters: Map<string, Counter>, now: number, maxKeys: number): void => {
  for (const [key, counter] of counters) if (counter.resetAt <= now) counters.delete(key);
  for (const key of counters.keys()) {
    if (counters.size <= maxKeys) break;
    counters.delete(key); // the oldest windows go first (insertion order)
  }
};

/** Counters in a Map, swept of closed windows now and then and bounded in size. */
export const createMemoryCounterStore = (options: { readonly maxKeys?: number } = {}): CounterStore => {
  const counters = new Map<string, Counter>();
  const maxKeys = options.maxKeys ?? 100_000;
  let writes = 0;
  return {
    async increment(key, windowMs, now) {
      if (++writes % SWEEP_EVERY === 0 || counters.size >= maxKeys) sweep(counters, now, maxKeys - 1);
      const open = counters.get(key);
      const next = open && open.resetAt > now ? { count: open.count + 1, resetAt: open.resetAt } : { count: 1, resetAt: now + windowMs };
      if (!open || open.resetAt <= now) counters.delete(key);
      counters.set(key, next);
      return next;
    },
    async read(key, now) {
      const counter = counters.get(key);
      return counter && counter.resetAt > now ? counter : undefined;
    },
    async delete(key) {
      counters.delete(key);
    },
  };
};

export type LimiterConfig = Pick<
  Config['auth'],
  'lockout_threshold' | 'lockout_window_seconds' | 'lockout_seconds' | 'ip_attempts_per_minute'
>;

export interface LoginLimiterOptions {
  readonly config: LimiterConfig;
  readonly store?: CounterStore;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

/** Login throttling: per client IP and per account (`<tenant id>:<e-mail>`). */
export interface LoginLimiter {
  /** Counts an attempt from the IP; 429 AUTH_RATE_LIMITED over the IP's limit, 429 AUTH_ACCOUNT_LOCKED while the account is locked. */
  beforeAttempt(input: { readonly account: string; readonly ip?: string | undefined }): Promise<void>;
  /** Counts a failed login; the failure that reaches the threshold locks the account. Returns whether it is now locked. */
  recordFailure(account: string): Promise<boolean>;
  /** A successful login forgets the account's failures. */
  recordSuccess(account: string): Promise<void>;
}

const retryAfter = (counter: Counter, now: number): number => Math.max(1, Math.ceil((counter.resetAt - now) / 1000));

const rateLimited = (seconds: number): AppError =>
  authErrors.AUTH_RATE_LIMITED('Too many login attempts from this address; try again later', { meta: { retryAfterSeconds: seconds } });

const accountLocked = (seconds: number): AppError =>
  authErrors.AUTH_ACCOUNT_LOCKED('Too many failed logins; the account is locked for a while', { meta: { retryAfterSeconds: seconds } });

export const createLoginLimiter = (options: LoginLimiterOptions): LoginLimiter => {
  const { config } = options;
  const store = options.store ?? createMemoryCounterStore();
  const clock = options.now ?? Date.now;
  const keys = { ip: (ip: string) => `login:ip:${ip}`, fail: (a: string) => `login:fail:${a}`, lock: (a: string) => `login:lock:${a}` };
  return {
    async beforeAttempt({ account, ip }) {
      const now = clock();
      if (ip) {
        const hits = await store.increment(keys.ip(ip), 60_000, now);
        if (hits.count > config.ip_attempts_per_minute) throw rateLimited(retryAfter(hits, now));
      }
      const lock = await store.read(keys.lock(account), now);
      if (lock) throw accountLocked(retryAfter(lock, now));
    },
    async recordFailure(account) {
      const now = clock();
      const failures = await store.increment(keys.fail(account), config.lockout_window_seconds * 1000, now);
      if (failures.count < config.lockout_threshold) return false;
      await store.delete(keys.fail(account));
      await store.delete(keys.lock(account));
      await store.increment(keys.lock(account), config.lockout_seconds * 1000, now);
      return true;
    },
    async recordSuccess(account) {
      await store.delete(keys.fail(account));
    },
  };
};
