import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

const SHOP_A = 'https://shop-a.example.com';
const SHOP_B = 'https://shop-b.example.com';
const ADMIN = 'https://admin.example.net';
const EVIL = 'https://evil.example.org';

const preflightHeaders = (origin: string, method = 'POST', requested = 'authorization,content-type,x-tenant-id'): Headers => ({
  origin,
  'access-control-request-method': method,
  'access-control-request-headers': requested,
});

const expectPreflightPassed = (res: LightMyRequestResponse, origin: string) => {
  expect(res.statusCode, res.body).toBe(204);
  expect(res.headers['access-control-allow-origin']).toBe(origin);
  expect(res.headers['access-control-allow-credentials']).toBe('true');
  expect(String(res.headers['access-control-allow-methods']).split(', ')).toEqual(
    expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  );
  const allowed = String(res.headers['access-control-allow-headers'])
    .split(', ')
    .map((h) => h.toLowerCase());
  for (const header of [
    'authorization',
    'content-type',
    'idempotency-key',
    'x-cart-token',
    'x-order-token',
    'traceparent',
    'x-request-id',
    'x-correlation-id',
    'x-tenant-id',
  ]) {
    expect(allowed).toContain(header);
  }
  expect(res.headers['access-control-max-age']).toBe('600');
  expect(String(res.headers.vary)).toMatch(/origin/i);
};

/** No CORS header at all, and the answer is the problem+json 404 of an OPTIONS request on a route without one. */
const expectPreflightRefused = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(404);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json<{ code: string }>().code).toBe('ROUTE_NOT_FOUND');
  for (const name of Object.keys(res.headers)) expect(name).not.toMatch(/^access-control-/);
};

describeEachBackend('CORS per tenant and deployment', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let superAdmin: Headers;
  let adminOfA: Headers;

  const options = (url: string, headers: Headers) => p.app.inject({ method: 'OPTIONS', url, headers });
  const patchTenant = (id: string, payload: Record<string, unknown>) =>
    p.app.inject({ method: 'PATCH', url: `/api/v1/platform/tenants/${id}`, headers: superAdmin, payload });

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: { server: { cors: { allowed_origins: [ADMIN] } } } });
    a = await p.createTenant('cors-a');
    b = await p.createTenant('cors-b');
    superAdmin = (await p.userWithToken((await p.defaultTenant()).id, ['super_admin'])).headers;
    adminOfA = (await p.userWithToken(a.id, ['admin'])).headers;
    expect((await patchTenant(a.id, { settings: { allowedOrigins: [SHOP_A] } })).statusCode).toBe(200);
    expect((await patchTenant(b.id, { settings: { allowedOrigins: [SHOP_B] } })).statusCode).toBe(200);
  });
  afterAll(() => p?.close());

  it("passes a preflight from the tenant's own origin, with no token, for REST and GraphQL", async () => {
    expectPreflightPassed(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_A), 'x-tenant-id': 'cors-a' }), SHOP_A);
    expectPreflightPassed(await options('/api/v1/modules', { ...preflightHeaders(SHOP_A, 'GET'), 'x-tenant-id': a.id }), SHOP_A);
    expectPreflightPassed(await options('/graphql', { ...preflightHeaders(SHOP_A), 'x-tenant-id': 'cors-a' }), SHOP_A);
  });

  it('refuses a preflight from an origin the tenant does not list (no Access-Control-Allow-Origin)', async () => {
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(EVIL), 'x-tenant-id': 'cors-a' }));
    expectPreflightRefused(await options('/graphql', { ...preflightHeaders(EVIL), 'x-tenant-id': 'cors-a' }));
    // An origin differing only in scheme or port is another origin.
    expectPreflightRefused(
      await options('/api/v1/auth/login', { ...preflightHeaders('http://shop-a.example.com'), 'x-tenant-id': 'cors-a' }),
    );
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(`${SHOP_A}:8443`), 'x-tenant-id': 'cors-a' }));
  });

  it("keeps tenants' origins apart: B's origin is refused on A, A's on B and on the default tenant", async () => {
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_B), 'x-tenant-id': 'cors-a' }));
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_A), 'x-tenant-id': 'cors-b' }));
    // No tenant header announced: the request is for the default tenant.
    expectPreflightRefused(await options('/api/v1/auth/login', preflightHeaders(SHOP_A, 'POST', 'content-type')));
    expectPreflightPassed(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_B), 'x-tenant-id': 'cors-b' }), SHOP_B);
    // Actual requests too: A's answer to B's origin carries no CORS header.
    const read = await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: { ...adminOfA, origin: SHOP_B } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('passes a browser preflight that announces the tenant header but cannot carry it, when some active tenant allows the origin', async () => {
    // What a browser sends before a request with X-Tenant-ID: the header's name, not its value.
    expectPreflightPassed(await options('/api/v1/auth/login', preflightHeaders(SHOP_B)), SHOP_B);
    expectPreflightPassed(await options('/graphql', preflightHeaders(SHOP_A, 'POST', 'content-type, X-Tenant-ID')), SHOP_A);
    expectPreflightRefused(await options('/api/v1/auth/login', preflightHeaders(EVIL)));
    // Without the tenant header announced, the request is for the default tenant, which lists neither.
    expectPreflightRefused(await options('/api/v1/auth/login', preflightHeaders(SHOP_B, 'POST', 'content-type')));
    // Never on platform routes.
    expectPreflightRefused(await options('/api/v1/platform/tenants', preflightHeaders(SHOP_B, 'GET')));
    // An inactive tenant's origins do not count.
    const shopD = 'https://shop-d.example.com';
    const d = await p.createTenant('cors-d');
    expect((await patchTenant(d.id, { isActive: false, settings: { allowedOrigins: [shopD] } })).statusCode).toBe(200);
    expectPreflightRefused(await options('/api/v1/auth/login', preflightHeaders(shopD)));
    // The actual request names its tenant, and only that tenant's origins count.
    const actual = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: SHOP_B, 'x-tenant-id': 'cors-a' },
      payload: { email: 'nobody@example.com', password: 'whatever it is' },
    });
    expect(actual.statusCode).toBe(401);
    expect(actual.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("allows the deployment's origins on every route, and only them on platform routes", async () => {
    expectPreflightPassed(await options('/api/v1/platform/tenants', preflightHeaders(ADMIN, 'GET')), ADMIN);
    expectPreflightPassed(await options('/api/v1/modules', { ...preflightHeaders(ADMIN, 'GET'), 'x-tenant-id': 'cors-b' }), ADMIN);
    // A tenant's origin does not reach the platform API, even naming that tenant.
    expectPreflightRefused(await options('/api/v1/platform/tenants', { ...preflightHeaders(SHOP_A, 'GET'), 'x-tenant-id': 'cors-a' }));
  });

  it('answers actual requests from an allowed origin with the origin, credentials and the exposed headers, errors included', async () => {
    const ok = await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: { ...adminOfA, origin: SHOP_A } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(SHOP_A);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const exposed = String(ok.headers['access-control-expose-headers']).toLowerCase().split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']),
    );
    // A refusal is readable by the page too: the browser must see the problem, not a CORS failure.
    const refused = await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: { 'x-tenant-id': 'cors-a', origin: SHOP_A } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['access-control-allow-origin']).toBe(SHOP_A);
  });

  it('answers an OPTIONS request that is not a preflight, or one naming no usable tenant, with a problem and no CORS headers', async () => {
    expectPreflightRefused(await options('/api/v1/auth/login', { origin: SHOP_A, 'x-tenant-id': 'cors-a' }));
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_A), 'x-tenant-id': 'no-such-tenant' }));
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_A), 'x-tenant-id': "' OR 1=1 --" }));
  });

  it('follows a change of the allowed origins at once', async () => {
    const other = 'https://new-shop.example.com';
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(other), 'x-tenant-id': 'cors-a' }));
    expect((await patchTenant(a.id, { settings: { allowedOrigins: [SHOP_A, other] } })).statusCode).toBe(200);
    expectPreflightPassed(await options('/api/v1/auth/login', { ...preflightHeaders(other), 'x-tenant-id': 'cors-a' }), other);
    expect((await patchTenant(a.id, { settings: { allowedOrigins: [SHOP_A] } })).statusCode).toBe(200);
    expectPreflightRefused(await options('/api/v1/auth/login', { ...preflightHeaders(other), 'x-tenant-id': 'cors-a' }));
  });

  it('refuses malformed allowed origins with 422 naming each, and keeps the old ones', async () => {
    const res = await patchTenant(a.id, {
      settings: { allowedOrigins: ['*', 'https://shop.example.com/path', 'HTTPS://SHOP.EXAMPLE.COM', 'javascript:alert(1)', SHOP_A] },
    });
    expect(res.statusCode, res.body).toBe(422);
    const paths = res.json<{ code: string; errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining([0, 1, 2, 3].map((i) => `body/settings/allowedOrigins/${i}`)));
    expect(paths).not.toContain('body/settings/allowedOrigins/4');
    const bad = await patchTenant(a.id, { settings: { rateLimit: { requestsPerMinute: 0, burst: 3 } } });
    expect(bad.statusCode, bad.body).toBe(422);
    expectPreflightPassed(await options('/api/v1/auth/login', { ...preflightHeaders(SHOP_A), 'x-tenant-id': 'cors-a' }), SHOP_A);
  });

  it('takes allowed origins at tenant creation', async () => {
    const owner = { email: 'owner@cors-c.example.com', password: 'a long owner password' };
    const shop = 'https://shop-c.example.com';
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/platform/tenants',
      headers: superAdmin,
      payload: { name: 'C', slug: 'cors-c', owner, settings: { allowedOrigins: [shop] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expectPreflightPassed(await options('/api/v1/auth/login', { ...preflightHeaders(shop), 'x-tenant-id': 'cors-c' }), shop);
  });
});
