import type { EventEmitter } from 'node:events';
import { registeredCounter } from '@rustok/api';
import type { Registry } from 'prom-client';

export type CacheTier = 'memory' | 'redis';

/** Hit/miss counting from bentocache's events, kept locally (stats) and on the Prometheus registry. */
export const createCounters = (emitter: EventEmitter, registry: Registry | undefined) => {
  const hits = registry && registeredCounter(registry, 'rustok_tenant_cache_hits_total', 'Tenant cache hits, by tier', ['tier']);
  const misses = registry && registeredCounter(registry, 'rustok_tenant_cache_misses_total', 'Tenant cache misses (database lookups)');
  const memoryHits = hits?.labels({ tier: 'memory' });
  const local = {
    memory: 0,
    redis: 0,
    misses: 0,
    lookups: 0,
    /** A hit of the hot memo in front of the memory tier, counted as one of the memory tier. */
    memoryHit: () => {
      local.memory += 1;
      memoryHits?.inc();
    },
  };
  emitter.on('cache:hit', (event: { layer?: 'l1' | 'l2' }) => {
    const tier: CacheTier = event.layer === 'l2' ? 'redis' : 'memory';
    local[tier] += 1;
    hits?.inc({ tier });
  });
  emitter.on('cache:miss', () => {
    local.misses += 1;
    misses?.inc();
  });
  return local;
};
