import { generateId } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, startTcpProxy, type TcpProxy, type TestDatabase } from '@rustok/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenantCache, type TenantCache } from './cache.js';
import { tenancyFixtureModule } from './test-fixtures/module.js';
import { countingDb, insertTenant, sleep, waitFor } from './test-fixtures/tenants.js';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' }, { write: (line: string) => console.log(line.trim()) });
const { urls, skipped } = inject('services');
const redisUrl = urls.redis;

const metricValue = async (registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value));
  return sample?.value ?? 0;
};

const ready = (cache: TenantCache) =>
  waitFor(() => cache.stats().redis?.cache === 'ready' && cache.stats().redis?.bus === 'ready', 5_000, 'Redis connections');

/** Polls as tightly as the event loop allows, so the measured latency is not the polling interval. */
const until = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
};

const viaProxy = (url: string, proxy: TcpProxy): string => {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
};

if (!redisUrl) {
  describe.skip(`tenant cache over Redis [skipped: ${skipped.redis}]`, () => {
    it('shares a Redis tier and invalidates every instance through the bus', () => {});
    it('keeps answering when Redis goes away', () => {});
  });
} else {
  describeEachBackend('tenant cache over Redis', (backend) => {
    let t: TestDatabase;
    let raw: Redis;
    // One prefix per run: parallel runs against the same Redis neither share keys nor bus messages.
    const prefix = `rustok-test:${generateId()}`;
    const caches: TenantCache[] = [];
    const open = (db: TestDatabase['db'] | ReturnType<typeof countingDb>['db'], url: string, registry = new Registry()) => {
      const cache = createTenantCache({ db, redisUrl: url, ttlMs: 60_000, negativeTtlMs: 5_000, registry, logger, prefix });
      caches.push(cache);
      return cache;
    };

    beforeAll(async () => {
      t = await openTestDatabase(backend, [tenancyFixtureModule]);
      raw = new Redis(redisUrl);
    });
    afterEach(async () => {
      await Promise.all(caches.splice(0).map((cache) => cache.close()));
    });
    afterAll(async () => {
      const keys = await raw.keys(`${prefix}:*`);
      if (keys.length > 0) await raw.del(...keys);
      raw.disconnect();
      await t.cleanup();
    });

    it('instance B answers from the shared Redis tier what instance A loaded (counted as redis hits)', async () => {
      await insertTenant(t.db, 'shared');
      const countA = countingDb(t.db);
      const countB = countingDb(t.db);
      const registryB = new Registry();
      const a = open(countA.db, redisUrl);
      const b = open(countB.db, redisUrl, registryB);
      await Promise.all([ready(a), ready(b)]);
      expect(await a.get({ kind: 'slug', slug: 'shared' })).toMatchObject({ slug: 'shared' });
      expect(await raw.exists(`${prefix}:slug:shared`)).toBe(1);
      expect(await b.get({ kind: 'slug', slug: 'shared' })).toMatchObject({ slug: 'shared' });
      expect(await b.get({ kind: 'slug', slug: 'shared' })).toMatchObject({ slug: 'shared' });
      expect(countA.queries).toHaveLength(1);
      expect(countB.queries).toHaveLength(0);
      expect(b.stats()).toMatchObject({ tiers: ['memory', 'redis'], hits: { redis: 1, memory: 1 }, misses: 0, lookups: 0 });
      expect(await metricValue(registryB, 'rustok_tenant_cache_hits_total', { tier: 'redis' })).toBe(1);
      expect(await metricValue(registryB, 'rustok_tenant_cache_hits_total', { tier: 'memory' })).toBe(1);
    });

    it('an invalidation on instance A reaches instance B within 100 ms', async () => {
      const tenant = await insertTenant(t.db, 'live', { hosts: ['live.example.org'] });
      const a = open(t.db, redisUrl);
      const b = open(t.db, redisUrl);
      await Promise.all([ready(a), ready(b)]);
      const latencies: number[] = [];
      for (let round = 1; round <= 10; round++) {
        for (const cache of [a, b]) await cache.get({ kind: 'host', host: 'live.example.org' }); // cached in both memory tiers
        const name = `Live ${round}`;
        await t.db.query('UPDATE tenants SET name = $1 WHERE id = $2', [name, tenant.id]);
        expect(await b.get({ kind: 'host', host: 'live.example.org' })).not.toMatchObject({ name });
        const started = performance.now();
        await a.invalidate({ id: tenant.id, slug: 'live' });
        await until(async () => (await b.get({ kind: 'host', host: 'live.example.org' }))?.name === name, 1_000);
        latencies.push(performance.now() - started);
      }
      const max = Math.max(...latencies);
      console.info(
        `[tenant cache] invalidation A→B over ${latencies.length} rounds: max ${max.toFixed(1)} ms, latencies ${latencies.map((l) => l.toFixed(1)).join(', ')}`,
      );
      expect(max).toBeLessThan(100);
    });

    it('runs one database lookup for 100 concurrent misses with the Redis tier in place', async () => {
      await insertTenant(t.db, 'crowd');
      const counting = countingDb(t.db);
      const cache = open(counting.db, redisUrl);
      await ready(cache);
      const results = await Promise.all(Array.from({ length: 100 }, () => cache.get({ kind: 'slug', slug: 'crowd' })));
      expect(results.every((r) => r?.slug === 'crowd')).toBe(true);
      expect(counting.queries).toHaveLength(1);
    });

    it('works without Redis from the start, and picks it up when it appears', async () => {
      const tenant = await insertTenant(t.db, 'early');
      const { hostname, port } = new URL(redisUrl);
      const proxy = await startTcpProxy(hostname, Number(port || 6379));
      try {
        await proxy.cut();
        const cache = open(t.db, viaProxy(redisUrl, proxy));
        expect(await cache.get({ kind: 'id', id: tenant.id })).toMatchObject({ slug: 'early' });
        await expect(cache.invalidate({ id: tenant.id, slug: 'early' })).resolves.toBeUndefined();
        expect(cache.stats().redis?.cache).not.toBe('ready');
        await proxy.restore();
        await ready(cache);
        const peer = open(t.db, redisUrl);
        await ready(peer);
        await cache.get({ kind: 'slug', slug: 'early' });
        await peer.get({ kind: 'slug', slug: 'early' });
        expect(peer.stats().hits.redis).toBe(1);
      } finally {
        await proxy.close();
      }
    });

    it('keeps answering from memory and the database when Redis goes away, and cleans up after it returns', async () => {
      const [kept, fresh] = [await insertTenant(t.db, 'kept'), await insertTenant(t.db, 'fresh')];
      const { hostname, port } = new URL(redisUrl);
      const proxy = await startTcpProxy(hostname, Number(port || 6379));
      try {
        const counting = countingDb(t.db);
        const cache = open(counting.db, viaProxy(redisUrl, proxy));
        await ready(cache);
        await cache.get({ kind: 'slug', slug: 'kept' });
        expect(await raw.exists(`${prefix}:slug:kept`)).toBe(1);
        await proxy.cut();
        const started = performance.now();
        expect(await cache.get({ kind: 'slug', slug: 'kept' })).toMatchObject({ id: kept.id }); // memory tier
        expect(await cache.get({ kind: 'slug', slug: 'fresh' })).toMatchObject({ id: fresh.id }); // database
        expect(await cache.get({ kind: 'slug', slug: 'nobody' })).toBeUndefined();
        await expect(cache.invalidate({ id: kept.id, slug: 'kept' })).resolves.toBeUndefined();
        expect(await cache.get({ kind: 'slug', slug: 'kept' })).toMatchObject({ id: kept.id });
        expect(performance.now() - started).toBeLessThan(1_000);
        await waitFor(() => cache.stats().redis?.cache !== 'ready', 2_000, 'the outage to be noticed');
        await sleep(300); // reconnect attempts are refused meanwhile
        const outage = performance.now();
        for (let i = 0; i < 20; i++) await cache.get({ kind: 'slug', slug: 'fresh' });
        expect(performance.now() - outage).toBeLessThan(100); // fail fast, no waiting on Redis
        await proxy.restore();
        await ready(cache);
        // The key invalidated during the outage is deleted from Redis once it is back.
        await waitFor(async () => (await raw.exists(`${prefix}:slug:kept`)) === 0, 2_000, 'the deferred delete');
        expect(counting.queries.length).toBeGreaterThanOrEqual(4);
      } finally {
        await proxy.close();
      }
    });
  });
}
