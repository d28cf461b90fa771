import { AppError, type RustokSettings } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createTenantCache, type TenantCache } from './cache.js';
import { createTenantResolver, type TenantRequest } from './resolve.js';
import { MALFORMED } from './test-fixtures/malformed.js';
import { tenancyFixtureModule } from './test-fixtures/module.js';
import { type CountingDb, countingDb, type FixtureTenant, insertTenant, tenantSettings } from './test-fixtures/tenants.js';

const logger = pino({ level: 'silent' });

const request = (hostname: string, headers: TenantRequest['headers'] = {}): TenantRequest => ({ hostname, headers });

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the resolver to refuse');
};

describeEachBackend('tenant resolution', (backend) => {
  let t: TestDatabase;
  let counting: CountingDb;
  let cache: TenantCache;
  const tenants: Record<string, FixtureTenant> = {};
  const resolver = (overrides: Partial<RustokSettings['tenant']> = {}) =>
    createTenantResolver({ settings: tenantSettings(overrides), cache });

  beforeAll(async () => {
    t = await openTestDatabase(backend, [tenancyFixtureModule]);
    tenants.default = await insertTenant(t.db, 'default');
    tenants.acme = await insertTenant(t.db, 'acme', { hosts: ['shop.acme.org', 'www.acme.org'] });
    tenants.beta = await insertTenant(t.db, 'beta');
    tenants.closed = await insertTenant(t.db, 'closed', { active: false, hosts: ['closed.org'] });
  });
  afterAll(() => t.cleanup());
  // A fresh cache per test, so every test starts uncached and counts its own queries.
  const fresh = () => {
    counting = countingDb(t.db);
    cache = createTenantCache({ db: counting.db, ttlMs: 60_000, negativeTtlMs: 5_000, logger });
  };
  afterEach(() => cache?.close());

  it('header mode: slug or UUID in the configured header, default tenant without it', async () => {
    fresh();
    const resolve = resolver({ resolution: 'header', header_name: 'X-Tenant-ID' });
    expect(await resolve(request('anything.test', { 'x-tenant-id': 'acme' }))).toMatchObject({ id: tenants.acme?.id, slug: 'acme' });
    expect(await resolve(request('anything.test', { 'x-tenant-id': ' ACME ' }))).toMatchObject({ slug: 'acme' });
    expect(await resolve(request('anything.test', { 'x-tenant-id': tenants.beta?.id ?? '' }))).toMatchObject({ slug: 'beta' });
    expect(await resolve(request('anything.test'))).toMatchObject({ slug: 'default' });
    const custom = resolver({ header_name: 'X-Shop' });
    expect(await custom(request('x', { 'x-shop': 'beta', 'x-tenant-id': 'acme' }))).toMatchObject({ slug: 'beta' });
  });

  it('header mode: an empty or repeated header is malformed', async () => {
    fresh();
    const resolve = resolver({ resolution: 'header' });
    expect((await failure(resolve(request('x', { 'x-tenant-id': '' })))).status).toBe(400);
    expect((await failure(resolve(request('x', { 'x-tenant-id': ['acme', 'beta'] })))).meta.reason).toMatch(/more than once/);
    expect((await failure(resolve(request('x', { 'x-tenant-id': 'acme, beta' })))).status).toBe(400);
    expect(counting.queries).toHaveLength(0);
  });

  it('subdomain mode: one label under base_domain; the base domain itself is the default tenant', async () => {
    fresh();
    const resolve = resolver({ resolution: 'subdomain', base_domain: 'Example.Test' });
    expect(await resolve(request('acme.example.test'))).toMatchObject({ slug: 'acme' });
    expect(await resolve(request('BETA.example.test:3000'))).toMatchObject({ slug: 'beta' });
    expect(await resolve(request('example.test'))).toMatchObject({ slug: 'default' });
    expect(await resolve(request('example.test.'))).toMatchObject({ slug: 'default' });
    expect(await resolve(request('acme.example.test', { 'x-tenant-id': 'beta' }))).toMatchObject({ slug: 'acme' });
  });

  it('subdomain mode: foreign hosts are unknown, nested or reserved labels malformed', async () => {
    fresh();
    const resolve = resolver({ resolution: 'subdomain' });
    expect(await failure(resolve(request('shop.acme.org')))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    expect(await failure(resolve(request('notexample.test')))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    expect(await failure(resolve(request('a.acme.example.test')))).toMatchObject({ status: 400, code: 'TENANT_IDENTIFIER_INVALID' });
    expect(await failure(resolve(request('api.example.test')))).toMatchObject({ status: 400, code: 'TENANT_SLUG_RESERVED' });
    expect(await failure(resolve(request(`${tenants.acme?.id}.example.test`)))).toMatchObject({ status: 400 });
    expect(counting.queries).toHaveLength(0);
  });

  it('subdomain mode needs base_domain', () => {
    fresh();
    expect(() => resolver({ resolution: 'subdomain', base_domain: null })).toThrow(/base_domain is required/);
    expect(() => resolver({ resolution: 'subdomain', base_domain: 'bad domain' })).toThrow(/base_domain is invalid/);
    expect(() => resolver({ default_slug: '../x' })).toThrow(/default_slug is invalid/);
  });

  it('host mode: registered custom domains first, then subdomains of base_domain', async () => {
    fresh();
    const resolve = resolver({ resolution: 'host' });
    expect(await resolve(request('shop.acme.org'))).toMatchObject({ slug: 'acme' });
    expect(await resolve(request('WWW.acme.org:443'))).toMatchObject({ slug: 'acme' });
    expect(await resolve(request('beta.example.test'))).toMatchObject({ slug: 'beta' });
    expect(await resolve(request('example.test'))).toMatchObject({ slug: 'default' });
    expect(await failure(resolve(request('unknown.org')))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    expect(await failure(resolve(request('nobody.example.test')))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    const withoutBase = resolver({ resolution: 'host', base_domain: null });
    expect(await withoutBase(request('shop.acme.org'))).toMatchObject({ slug: 'acme' });
    expect(await failure(withoutBase(request('acme.example.test')))).toMatchObject({ status: 404 });
  });

  it('default mode: always the default tenant', async () => {
    fresh();
    const resolve = resolver({ resolution: 'default' });
    expect(await resolve(request('acme.example.test', { 'x-tenant-id': 'beta' }))).toMatchObject({ slug: 'default' });
    expect(await resolve(request(''))).toMatchObject({ slug: 'default' });
    const other = resolver({ resolution: 'default', default_slug: 'beta' });
    expect(await other(request('x'))).toMatchObject({ slug: 'beta' });
  });

  it('an unknown tenant is 404, a missing default tenant too', async () => {
    fresh();
    const resolve = resolver({ resolution: 'header' });
    const unknown = await failure(resolve(request('x', { 'x-tenant-id': 'nobody' })));
    expect(unknown).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    const unknownId = await failure(resolve(request('x', { 'x-tenant-id': '0190aaaa-0000-7000-8000-000000000000' })));
    expect(unknownId).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    const noDefault = resolver({ resolution: 'default', default_slug: 'missing' });
    expect(await failure(noDefault(request('x')))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
  });

  it('an inactive tenant is 403 whichever way it is named', async () => {
    fresh();
    const byHeader = resolver({ resolution: 'header' });
    expect(await failure(byHeader(request('x', { 'x-tenant-id': 'closed' })))).toMatchObject({ status: 403, code: 'TENANT_INACTIVE' });
    const byId = await failure(byHeader(request('x', { 'x-tenant-id': tenants.closed?.id ?? '' })));
    expect(byId).toMatchObject({ status: 403, code: 'TENANT_INACTIVE' });
    const byHost = resolver({ resolution: 'host' });
    expect(await failure(byHost(request('closed.org')))).toMatchObject({ status: 403, code: 'TENANT_INACTIVE' });
    const bySubdomain = resolver({ resolution: 'subdomain' });
    expect(await failure(bySubdomain(request('closed.example.test')))).toMatchObject({ status: 403, code: 'TENANT_INACTIVE' });
  });

  it('negative caching: a second lookup of an unknown tenant does not query', async () => {
    fresh();
    const resolve = resolver({ resolution: 'header' });
    await failure(resolve(request('x', { 'x-tenant-id': 'nobody' })));
    await failure(resolve(request('x', { 'x-tenant-id': 'NOBODY' })));
    expect(counting.queries).toHaveLength(1);
  });

  for (const [kind, inputs] of Object.entries({ ...MALFORMED, reserved: ['admin', 'API', 'www', 'null'] })) {
    it(`malformed ${kind} identifiers are 400 and reach no database`, async () => {
      fresh();
      const byHeader = resolver({ resolution: 'header' });
      const byHost = resolver({ resolution: 'host' });
      const bySubdomain = resolver({ resolution: 'subdomain' });
      for (const raw of inputs) {
        const viaHeader = await failure(byHeader(request('x', { 'x-tenant-id': raw })));
        expect(viaHeader.status, raw).toBe(400);
        expect(viaHeader.code).toBe(kind === 'reserved' ? 'TENANT_SLUG_RESERVED' : 'TENANT_IDENTIFIER_INVALID');
        const host = kind === 'overlong' ? raw : `${raw}.example.test`;
        expect((await failure(byHost(request(host)))).status, host).toBe(400);
        expect((await failure(bySubdomain(request(host)))).status, host).toBe(400);
      }
      expect(counting.queries).toEqual([]);
      expect(cache.stats().lookups).toBe(0);
    });
  }

  it('stampede through the resolver: 100 concurrent requests for an uncached tenant run one query', async () => {
    fresh();
    const resolve = resolver({ resolution: 'subdomain' });
    const results = await Promise.all(Array.from({ length: 100 }, () => resolve(request('acme.example.test'))));
    expect(results.every((r) => r.id === tenants.acme?.id)).toBe(true);
    expect(counting.queries).toHaveLength(1);
  });
});
