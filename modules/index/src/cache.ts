import { generationOf } from './runtime.js';

interface Entry {
  readonly value: unknown;
  readonly expires: number;
}

/**
 * A short-lived cache of storefront answers, per tenant. Keys carry the tenant's generation, which
 * every committed index write of that tenant bumps (in this process), so an event makes the old
 * answers unreachable at once; other processes' writes are bounded by the TTL. Off when ttlMs is 0.
 */
export const createResponseCache = (ttlMs: number, maxEntries = 5_000) => {
  const entries = new Map<string, Entry>();
  return {
    async through<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const generation = generationOf(tenantId);
      const k = `${tenantId}|${generation}|${key}`;
      const hit = entries.get(k);
      const now = Date.now();
      if (hit && hit.expires > now) return hit.value as T;
      const value = await load();
      if (generationOf(tenantId) === generation) {
        entries.delete(k);
        entries.set(k, { value, expires: now + ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
};
