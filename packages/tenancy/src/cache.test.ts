import { AppError, defineErrors, type SqlRunner } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTenantCache, type TenantCache } from './cache.js';
import { tenancyFixtureModule } from './test-fixtures/module.js';
import { countingDb, insertTenant, sleep } from './test-fixtures/tenants.js';

// The code the outage below is raised with.
defineErrors('cache-test', { DB_UNAVAILABLE: { status: 503 } });

const logger = pino({ level: 'silent' });

const metricValue = async (registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value));
  return sample?.value ?? 0;
};

describeEachBackend('tenant cache (memory tier)', (backend) => {
  let t: TestDatabase;
  const caches: TenantCache[] = [];
  const open = (db: Pick<SqlRunner, 'query'>, overrides: { ttlMs?: number; negativeTtlMs?: number; registry?: Registry } = {}) => {
    const cache = createTenantCache({ db, ttlMs: 60_000, negativeTtlMs: 5_000, logger, ...overrides });
    caches.push(cache);
    return cache;
  };

  beforeAll(async () => {
    t = await openTestDatabase(backend, [tenancyFixtureModule]);
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
  });
  afterAll(() => t.cleanup());

  it('loads by id, slug and host, mapping the columns, then answers from memory', async () => {
    const tenant = await insertTenant(t.db, 'mapped', { hosts: ['mapped.example.org'] });
    const counting = countingDb(t.db);
    const registry = new Registry();
    const cache = open(counting.db, { registry });
    const expected = { id: tenant.id, slug: 'mapped', name: 'Tenant mapped', isActive: true, settings: { theme: 'mapped' } };
    expect(await cache.get({ kind: 'id', id: tenant.id })).toEqual(expected);
    expect(await cache.get({ kind: 'slug', slug: 'mapped' })).toEqual(expected);
    expect(await cache.get({ kind: 'host', host: 'mapped.example.org' })).toEqual(expected);
    expect(counting.queries).toHaveLength(3);
    expect(await cache.get({ kind: 'slug', slug: 'mapped' })).toEqual(expected);
    expect(counting.queries).toHaveLength(3);
    expect(cache.stats()).toMatchObject({ tiers: ['memory'], hits: { memory: 1, redis: 0 }, misses: 3, lookups: 3 });
    expect(await metricValue(registry, 'rustok_tenant_cache_hits_total', { tier: 'memory' })).toBe(1);
    expect(await metricValue(registry, 'rustok_tenant_cache_misses_total')).toBe(3);
  });

  it('caches unknown identifiers for the shorter negative ttl', async () => {
    const counting = countingDb(t.db);
    const cache = open(counting.db, { negativeTtlMs: 150 });
    expect(await cache.get({ kind: 'slug', slug: 'ghost' })).toBeUndefined();
    expect(await cache.get({ kind: 'slug', slug: 'ghost' })).toBeUndefined();
    expect(counting.queries).toHaveLength(1);
    await insertTenant(t.db, 'ghost');
    expect(await cache.get({ kind: 'slug', slug: 'ghost' })).toBeUndefined(); // still negatively cached
    await sleep(200);
    expect(await cache.get({ kind: 'slug', slug: 'ghost' })).toMatchObject({ slug: 'ghost' });
    expect(counting.queries).toHaveLength(2);
  });

  it('runs exactly one database lookup for 100 concurrent misses of one key', async () => {
    await insertTenant(t.db, 'stampede');
    const counting = countingDb(t.db);
    const cache = open(counting.db);
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get({ kind: 'slug', slug: 'stampede' })));
    expect(counting.queries).toHaveLength(1);
    expect(new Set(results.map((r) => r?.slug))).toEqual(new Set(['stampede']));
    expect(cache.stats()).toMatchObject({ misses: 1, lookups: 1, hits: { memory: 99 } });
  });

  it('runs one lookup for 100 concurrent misses of an unknown key too', async () => {
    const counting = countingDb(t.db);
    const cache = open(counting.db);
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get({ kind: 'slug', slug: 'nobody-here' })));
    expect(counting.queries).toHaveLength(1);
    expect(results.every((r) => r === undefined)).toBe(true);
  });

  it('invalidate drops the id, slug and every domain of the tenant', async () => {
    const tenant = await insertTenant(t.db, 'renamed', { hosts: ['a.renamed.org', 'b.renamed.org'] });
    const cache = open(t.db);
    const keys = [
      { kind: 'id', id: tenant.id },
      { kind: 'slug', slug: 'renamed' },
      { kind: 'host', host: 'a.renamed.org' },
      { kind: 'host', host: 'b.renamed.org' },
    ] as const;
    for (const key of keys) expect(await cache.get(key)).toMatchObject({ name: 'Tenant renamed' });
    await t.db.query("UPDATE tenants SET name = 'Renamed', is_active = false WHERE id = $1", [tenant.id]);
    expect(await cache.get(keys[0])).toMatchObject({ name: 'Tenant renamed', isActive: true });
    await cache.invalidate({ id: tenant.id, slug: 'renamed' }); // domains are looked up
    for (const key of keys) expect(await cache.get(key)).toMatchObject({ name: 'Renamed', isActive: false });
  });

  it('invalidate also drops a negatively cached slug (tenant created after a miss)', async () => {
    const cache = open(t.db);
    expect(await cache.get({ kind: 'slug', slug: 'late' })).toBeUndefined();
    const tenant = await insertTenant(t.db, 'late');
    await cache.invalidate({ id: tenant.id, slug: 'late' });
    expect(await cache.get({ kind: 'slug', slug: 'late' })).toMatchObject({ id: tenant.id });
  });

  it('does not cache with a zero ttl', async () => {
    await insertTenant(t.db, 'uncached');
    const counting = countingDb(t.db);
    const cache = open(counting.db, { ttlMs: 0, negativeTtlMs: 0 });
    await cache.get({ kind: 'slug', slug: 'uncached' });
    await cache.get({ kind: 'slug', slug: 'uncached' });
    expect(await cache.get({ kind: 'slug', slug: 'nope' })).toBeUndefined();
    expect(await cache.get({ kind: 'slug', slug: 'uncached' })).toMatchObject({ slug: 'uncached' });
    expect(counting.queries).toHaveLength(4);
  });

  it('shares the metrics of one registry between caches', async () => {
    const registry = new Registry();
    open(t.db, { registry });
    expect(() => open(t.db, { registry })).not.toThrow();
  });
});

describe('tenant cache: database errors', () => {
  it('passes the original error to the caller and caches nothing', async () => {
    let calls = 0;
    const failing: Pick<SqlRunner, 'query'> = {
      query: async () => {
        calls += 1;
        throw new AppError('DB_UNAVAILABLE', 'database down', { status: 503 });
      },
    };
    const cache = createTenantCache({ db: failing, ttlMs: 60_000, negativeTtlMs: 5_000, logger });
    await expect(cache.get({ kind: 'slug', slug: 'acme' })).rejects.toMatchObject({ code: 'DB_UNAVAILABLE', status: 503 });
    await expect(cache.get({ kind: 'slug', slug: 'acme' })).rejects.toBeInstanceOf(AppError);
    expect(calls).toBe(2);
    await cache.close();
  });
});
