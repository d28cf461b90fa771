import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

interface TenantBody {
  id: string;
  slug: string;
  name: string;
  isActive: boolean;
  domains: string[];
}

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ status: number; code: string; type: string; title: string; detail: string; instance: string }>();
  expect(body).toMatchObject({ status, code, instance: expect.any(String), type: expect.any(String), title: expect.any(String) });
  expect(res.body).not.toMatch(/\n\s+at /); // never a stack trace
  return body;
};

/** A tenant admin's headers with another X-Tenant-ID value (slug, id, or none). */
const withTenant = (headers: Headers, value: string | undefined): Headers => {
  const { 'x-tenant-id': _ignored, ...rest } = headers;
  return value === undefined ? rest : { ...rest, 'x-tenant-id': value };
};

describeEachBackend('tenant resolution over HTTP', (backend) => {
  let p: TestPlatform;
  let root: TenantRef;
  let acme: TenantRef;
  let superAdmin: Headers;
  let rootAdmin: Headers;
  let acmeAdmin: Headers;

  const modules = (headers: Headers) => p.app.inject({ method: 'GET', url: '/api/v1/modules', headers });
  const patchTenant = (id: string, body: Record<string, unknown>) =>
    p.app.inject({ method: 'PATCH', url: `/api/v1/platform/tenants/${id}`, headers: superAdmin, payload: body });

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    root = await p.defaultTenant();
    acme = await p.createTenant('acme', 'Acme');
    superAdmin = (await p.userWithToken(root.id, ['super_admin'])).headers;
    rootAdmin = (await p.userWithToken(root.id, ['admin'])).headers;
    acmeAdmin = (await p.userWithToken(acme.id, ['admin'])).headers;
  });
  afterAll(() => p?.close());

  it('resolves X-Tenant-ID by slug and by UUID', async () => {
    const bySlug = await modules(withTenant(acmeAdmin, 'acme'));
    expect(bySlug.statusCode, bySlug.body).toBe(200);
    expect(bySlug.json<{ slug: string }[]>().map((m) => m.slug)).toContain('tenancy');
    const byUpperSlug = await modules(withTenant(acmeAdmin, 'ACME'));
    expect(byUpperSlug.statusCode).toBe(200);
    const byId = await modules(withTenant(acmeAdmin, acme.id));
    expect(byId.statusCode, byId.body).toBe(200);
    // The token is bound to its tenant: the same token on the default tenant is refused.
    expectProblem(await modules(withTenant(acmeAdmin, root.slug)), 401, 'AUTH_TOKEN_INVALID');
  });

  it('uses the default tenant when no header is sent', async () => {
    const res = await modules(withTenant(rootAdmin, undefined));
    expect(res.statusCode, res.body).toBe(200);
    // A token of another tenant does not fit the default tenant.
    expect((await modules(withTenant(acmeAdmin, undefined))).statusCode).toBe(401);
  });

  const malformed: [string, string, string][] = [
    ['SQL injection', "' OR 1=1 --", 'TENANT_IDENTIFIER_INVALID'],
    ['markup', '<script>alert(1)</script>', 'TENANT_IDENTIFIER_INVALID'],
    ['path traversal', '../etc', 'TENANT_IDENTIFIER_INVALID'],
    ['percent-encoded traversal', '%2e%2e', 'TENANT_IDENTIFIER_INVALID'],
    ['300 characters', 'a'.repeat(300), 'TENANT_IDENTIFIER_INVALID'],
    ['65 characters (over the slug limit)', 'a'.repeat(65), 'TENANT_IDENTIFIER_INVALID'],
    ['the nil UUID', '00000000-0000-0000-0000-000000000000', 'TENANT_IDENTIFIER_INVALID'],
    ['reserved slug admin', 'admin', 'TENANT_SLUG_RESERVED'],
    ['reserved slug api (any case)', 'API', 'TENANT_SLUG_RESERVED'],
  ];
  it.each(malformed)('refuses a malformed identifier (%s) with 400', async (_what, value, code) => {
    const body = expectProblem(await modules(withTenant(acmeAdmin, value)), 400, code);
    // The hostile input is not echoed back.
    if (code === 'TENANT_IDENTIFIER_INVALID') expect(body.detail).not.toContain(value);
  });

  it('refuses a Unicode look-alike (dеfault with a Cyrillic е) with 400', async () => {
    // On the wire a header is bytes: the UTF-8 of the Cyrillic letter, read as latin1 by Node.
    const lookAlike = Buffer.from('d\u0435fault', 'utf8').toString('latin1');
    expectProblem(await modules(withTenant(rootAdmin, lookAlike)), 400, 'TENANT_IDENTIFIER_INVALID');
  });

  it('answers 404 TENANT_NOT_FOUND for an unknown slug or id', async () => {
    expectProblem(await modules(withTenant(acmeAdmin, 'no-such-tenant')), 404, 'TENANT_NOT_FOUND');
    expectProblem(await modules(withTenant(acmeAdmin, generateId())), 404, 'TENANT_NOT_FOUND');
  });

  it('answers 403 TENANT_INACTIVE once deactivated, and 200 again once re-activated', async () => {
    const beta = await p.createTenant('beta', 'Beta');
    const betaAdmin = (await p.userWithToken(beta.id, ['admin'])).headers;
    // Warm the cache under both keys.
    expect((await modules(withTenant(betaAdmin, 'beta'))).statusCode).toBe(200);
    expect((await modules(withTenant(betaAdmin, beta.id))).statusCode).toBe(200);

    const off = await patchTenant(beta.id, { isActive: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<TenantBody>()).toMatchObject({ id: beta.id, isActive: false });
    expectProblem(await modules(withTenant(betaAdmin, 'beta')), 403, 'TENANT_INACTIVE');
    expectProblem(await modules(withTenant(betaAdmin, beta.id)), 403, 'TENANT_INACTIVE');
    // Inactive tenants cannot log in either.
    const login = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-tenant-id': 'beta' },
      payload: { email: 'nobody@example.com', password: 'whatever it is' },
    });
    expectProblem(login, 403, 'TENANT_INACTIVE');

    const on = await patchTenant(beta.id, { isActive: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((await modules(withTenant(betaAdmin, 'beta'))).statusCode).toBe(200);
    expect((await modules(withTenant(betaAdmin, beta.id))).statusCode).toBe(200);
  });
});

describeEachBackend('platform tenant API', (backend) => {
  let p: TestPlatform;
  let superAdmin: Headers;
  let rootAdmin: Headers;
  const url = '/api/v1/platform/tenants';
  const owner = { email: 'owner@shop.example.com', password: 'a long owner password' };

  const create = (payload: Record<string, unknown>, headers: Headers = superAdmin) =>
    p.app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    const root = await p.defaultTenant();
    superAdmin = (await p.userWithToken(root.id, ['super_admin'])).headers;
    rootAdmin = (await p.userWithToken(root.id, ['admin'])).headers;
  });
  afterAll(() => p?.close());

  it('creates a tenant with an owner (admin) who can log in to it at once', async () => {
    // Asked for before it exists: the unknown slug is cached as missing, and creation must clear that.
    const before = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-tenant-id': 'shop' }, payload: owner });
    expectProblem(before, 404, 'TENANT_NOT_FOUND');

    const res = await create({ name: 'Shop', slug: 'shop', owner });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ tenant: TenantBody; owner: { id: string; email: string; roles: string[]; tenantId: string } }>();
    expect(body.tenant).toMatchObject({ slug: 'shop', name: 'Shop', isActive: true, domains: [] });
    expect(body.owner).toMatchObject({ email: owner.email, roles: ['admin'], tenantId: body.tenant.id });
    expect(JSON.stringify(body)).not.toMatch(/password/i);

    const login = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-tenant-id': 'shop' }, payload: owner });
    expect(login.statusCode, login.body).toBe(200);
    const session = login.json<{ accessToken: string; user: { id: string; roles: string[] } }>();
    expect(session.user).toMatchObject({ id: body.owner.id, roles: ['admin'] });
    // The owner administers the new tenant (modules) but not the platform.
    const ownerHeaders = { authorization: `Bearer ${session.accessToken}`, 'x-tenant-id': 'shop' };
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: ownerHeaders })).statusCode).toBe(200);
    expectProblem(await p.app.inject({ method: 'GET', url, headers: ownerHeaders }), 403, 'AUTH_FORBIDDEN');
    // The owner exists in the new tenant only.
    const elsewhere = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: {}, payload: owner });
    expectProblem(elsewhere, 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a taken slug with 409 TENANT_SLUG_TAKEN', async () => {
    expect((await create({ name: 'Dup', slug: 'dup', owner })).statusCode).toBe(201);
    expectProblem(await create({ name: 'Dup again', slug: 'dup', owner }), 409, 'TENANT_SLUG_TAKEN');
    expectProblem(await create({ name: 'Dup upper', slug: 'DUP', owner }), 409, 'TENANT_SLUG_TAKEN');
    expectProblem(await create({ name: 'Default', slug: 'default', owner }), 409, 'TENANT_SLUG_TAKEN');
  });

  it('refuses reserved and malformed slugs with 400', async () => {
    expectProblem(await create({ name: 'Admin', slug: 'admin', owner }), 400, 'TENANT_SLUG_RESERVED');
    expectProblem(await create({ name: 'API', slug: 'api', owner }), 400, 'TENANT_SLUG_RESERVED');
    expectProblem(await create({ name: 'Bad', slug: 'bad slug!', owner }), 400, 'TENANT_IDENTIFIER_INVALID');
    expectProblem(await create({ name: 'Uuid', slug: generateId(), owner }), 400, 'TENANT_IDENTIFIER_INVALID');
  });

  it('refuses a bad owner with 422 listing the fields, and creates nothing', async () => {
    const res = await create({ name: 'Nope', slug: 'nope', owner: { email: 'not-an-address', password: 'short' } });
    const body = expectProblem(res, 422, 'VALIDATION_FAILED') as unknown as { errors: { path: string; message: string }[] };
    const paths = body.errors.map((e) => e.path);
    expect(paths.some((path) => path.endsWith('email'))).toBe(true);
    expect(paths.some((path) => path.endsWith('password'))).toBe(true);
    const missing = await create({ name: 'Nope', slug: 'nope', owner: {} });
    const missingBody = expectProblem(missing, 422, 'VALIDATION_FAILED') as unknown as { errors: { path: string }[] };
    expect(missingBody.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body/owner/email', 'body/owner/password']));
    const list = await p.app.inject({ method: 'GET', url: `${url}?limit=100`, headers: superAdmin });
    expect(list.json<{ items: TenantBody[] }>().items.map((t) => t.slug)).not.toContain('nope');
  });

  it('lists tenants with cursor pagination, reads one, 404 for an unknown id', async () => {
    for (const slug of ['page-a', 'page-b', 'page-c']) {
      expect((await create({ name: slug, slug, owner })).statusCode).toBe(201);
    }
    const all = await p.app.inject({ method: 'GET', url: `${url}?limit=100`, headers: superAdmin });
    expect(all.statusCode).toBe(200);
    const everything = all.json<{ items: TenantBody[]; nextCursor: string | null }>();
    expect(everything.nextCursor).toBeNull();
    expect(everything.items.length).toBeGreaterThanOrEqual(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: LightMyRequestResponse = await p.app.inject({
        method: 'GET',
        url: `${url}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: superAdmin,
      });
      expect(res.statusCode, res.body).toBe(200);
      const page: { items: TenantBody[]; nextCursor: string | null } = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toEqual(everything.items.map((t) => t.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));

    const pageB = everything.items.find((t) => t.slug === 'page-b');
    expect(pageB).toBeDefined();
    const one = await p.app.inject({ method: 'GET', url: `${url}/${pageB?.id}`, headers: superAdmin });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: pageB?.id, slug: 'page-b', isActive: true });

    expectProblem(await p.app.inject({ method: 'GET', url: `${url}/${generateId()}`, headers: superAdmin }), 404, 'TENANT_NOT_FOUND');
    expectProblem(
      await p.app.inject({ method: 'PATCH', url: `${url}/${generateId()}`, headers: superAdmin, payload: { isActive: false } }),
      404,
      'TENANT_NOT_FOUND',
    );
    expectProblem(await p.app.inject({ method: 'GET', url: `${url}/not-a-uuid`, headers: superAdmin }), 422, 'VALIDATION_FAILED');
    expectProblem(await p.app.inject({ method: 'GET', url: `${url}?limit=0`, headers: superAdmin }), 422, 'VALIDATION_FAILED');
    expectProblem(await p.app.inject({ method: 'GET', url: `${url}?limit=101`, headers: superAdmin }), 422, 'VALIDATION_FAILED');
  });

  it('answers 401 without a token and 403 to a tenant admin', async () => {
    const id = generateId();
    const anonymous = [
      p.app.inject({ method: 'GET', url }),
      p.app.inject({ method: 'GET', url: `${url}/${id}` }),
      p.app.inject({ method: 'PATCH', url: `${url}/${id}`, payload: { isActive: false } }),
      p.app.inject({ method: 'POST', url, payload: { name: 'X', slug: 'anon', owner } }),
    ];
    for (const res of await Promise.all(anonymous)) expectProblem(res, 401, 'AUTH_REQUIRED');

    const shop = await p.createTenant('tenant-admin-shop');
    const shopAdmin = (await p.userWithToken(shop.id, ['admin'])).headers;
    for (const headers of [rootAdmin, shopAdmin]) {
      const attempts = [
        p.app.inject({ method: 'GET', url, headers }),
        p.app.inject({ method: 'GET', url: `${url}/${shop.id}`, headers }),
        p.app.inject({ method: 'PATCH', url: `${url}/${shop.id}`, headers, payload: { isActive: false } }),
        p.app.inject({ method: 'POST', url, headers, payload: { name: 'X', slug: 'by-admin', owner } }),
      ];
      for (const res of await Promise.all(attempts)) expectProblem(res, 403, 'AUTH_FORBIDDEN');
    }
    const still = await p.app.inject({ method: 'GET', url: `${url}/${shop.id}`, headers: superAdmin });
    expect(still.json()).toMatchObject({ isActive: true });
  });
});

describeEachBackend('custom domains', (backend) => {
  let p: TestPlatform;
  let superAdmin: Headers;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: { settings: { rustok: { tenant: { resolution: 'host' } } } } });
    superAdmin = (await p.userWithToken((await p.defaultTenant()).id, ['super_admin'])).headers;
  });
  afterAll(() => p?.close());

  it('resolves a tenant by a registered host, and forgets a removed one', async () => {
    const shop = await p.createTenant('shop');
    const shopAdmin = (await p.userWithToken(shop.id, ['admin'])).headers;
    const onHost = (host: string) => p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: { ...shopAdmin, host } });
    // Unknown host first (and cached as such).
    expectProblem(await onHost('shop.example.com'), 404, 'TENANT_NOT_FOUND');

    const res = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${shop.id}`,
      headers: superAdmin,
      payload: { domains: ['Shop.Example.com'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TenantBody>().domains).toEqual(['shop.example.com']);

    expect((await onHost('shop.example.com')).statusCode).toBe(200);
    expect((await onHost('SHOP.example.com:8080')).statusCode).toBe(200);
    // In host mode the X-Tenant-ID header does not choose the tenant.
    const other = await p.createTenant('other');
    expect(
      (
        await p.app.inject({
          method: 'GET',
          url: '/api/v1/modules',
          headers: { ...shopAdmin, host: 'shop.example.com', 'x-tenant-id': other.id },
        })
      ).statusCode,
    ).toBe(200);
    expectProblem(await onHost('unknown.example.com'), 404, 'TENANT_NOT_FOUND');
    expectProblem(await onHost('bad..example.com'), 400, 'TENANT_IDENTIFIER_INVALID');

    // A host taken by another tenant is refused.
    const taken = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${other.id}`,
      headers: superAdmin,
      payload: { domains: ['shop.example.com'] },
    });
    expectProblem(taken, 409, 'TENANT_DOMAIN_TAKEN');

    const cleared = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${shop.id}`,
      headers: superAdmin,
      payload: { domains: [] },
    });
    expect(cleared.statusCode).toBe(200);
    expectProblem(await onHost('shop.example.com'), 404, 'TENANT_NOT_FOUND');
  });

  it('refuses a malformed domain with 400', async () => {
    const shop = await p.createTenant('bad-domains');
    const res = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${shop.id}`,
      headers: superAdmin,
      payload: { domains: ['<script>.example.com'] },
    });
    expectProblem(res, 400, 'TENANT_IDENTIFIER_INVALID');
  });
});
