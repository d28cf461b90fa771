import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

/** 5 requests and 10 login attempts per minute; trusted proxies as given (none by default). */
const limitedConfig = (server: Record<string, unknown> = {}) => ({
  server,
  settings: { rustok: { rate_limit: { enabled: true, requests_per_minute: 5, login_attempts_per_minute: 10 } } },
});

const expectRateLimited = (res: LightMyRequestResponse, limit: number) => {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: res.headers['x-request-id'] });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(Number(res.headers['ratelimit-reset'])).toBe(retryAfter);
  expect(res.headers['content-security-policy']).toBeTruthy();
};

/** `count` requests in a row; the status codes. */
const times = async (count: number, send: (i: number) => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse[]> => {
  const answers: LightMyRequestResponse[] = [];
  for (let i = 0; i < count; i++) answers.push(await send(i));
  return answers;
};

describeEachBackend('rate limits', (backend) => {
  let p: TestPlatform;
  let superAdmin: Headers;

  const modules = (headers: Headers, extra: Record<string, unknown> = {}) =>
    p.app.inject({ method: 'GET', url: '/api/v1/modules', headers, ...extra });
  /** An anonymous GraphQL request for the tenant, from `remoteAddress`. */
  const anonymous = (tenant: string, remoteAddress = '127.0.0.1') =>
    p.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-tenant-id': tenant },
      payload: { query: '{ __typename }' },
      remoteAddress,
    });
  const login = (app: TestPlatform['app'], tenant: string, headers: Headers = {}, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...headers, 'x-tenant-id': tenant },
      payload: { email: `nobody-${generateId().slice(-10)}@example.com`, password: 'not the password' },
      remoteAddress,
    });
  const freshTenant = (): Promise<TenantRef> => p.createTenant(`rl-${generateId().slice(-10)}`);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: limitedConfig() });
    superAdmin = (await p.userWithToken((await p.defaultTenant()).id, ['super_admin'])).headers;
  });
  afterAll(() => p?.close());

  it('answers the 6th request within a minute with 429 RATE_LIMITED, Retry-After and RateLimit-*', async () => {
    const tenant = await freshTenant();
    const { headers } = await p.userWithToken(tenant.id, ['admin']);
    const answers = await times(5, () => modules(headers));
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((res) => res.headers['ratelimit-limit'])).toEqual(['5', '5', '5', '5', '5']);
    expect(answers.map((res) => res.headers['ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);
    for (const res of answers) expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    expectRateLimited(await modules(headers), 5);
    expectRateLimited(await modules(headers), 5);
  });

  it('lists the 429 answer and its headers on every operation of the OpenAPI document', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: unknown }> }>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, method, op } of operations) {
      const tooMany = op.responses['429'];
      expect(tooMany, `${method} ${path}`).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
      });
      expect(Object.keys(tooMany?.headers ?? {}).sort(), `${method} ${path}`).toEqual(
        ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'].sort(),
      );
    }
  });

  it('never limits health and metrics', async () => {
    const answers = await times(8, (i) => p.app.inject({ method: 'GET', url: ['/health/live', '/health/ready', '/metrics'][i % 3] ?? '' }));
    expect(answers.map((res) => res.statusCode)).toEqual(Array(8).fill(200));
    for (const res of answers) expect(res.headers['ratelimit-limit']).toBeUndefined();
  });

  it('keeps budgets apart per tenant: a tenant at its limit leaves the others alone', async () => {
    const [x, y] = [await freshTenant(), await freshTenant()];
    expect((await times(5, () => anonymous(x.slug))).map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expectRateLimited(await anonymous(x.slug), 5);
    const other = await anonymous(y.slug);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('4');
  });

  it('keys a signed-in caller by user and anyone else by address', async () => {
    const tenant = await freshTenant();
    const ann = await p.userWithToken(tenant.id, ['admin']);
    const bob = await p.userWithToken(tenant.id, ['admin']);
    await times(5, () => modules(ann.headers));
    expectRateLimited(await modules(ann.headers), 5);
    // Another user, and the same address without a token, have budgets of their own.
    expect((await modules(bob.headers)).headers['ratelimit-remaining']).toBe('4');
    expect((await anonymous(tenant.slug)).headers['ratelimit-remaining']).toBe('4');
    // Ann's budget follows her to another address.
    expectRateLimited(await modules(ann.headers, { remoteAddress: '192.0.2.77' }), 5);
    // Another address without a token: its own budget.
    expect((await anonymous(tenant.slug, '192.0.2.78')).headers['ratelimit-remaining']).toBe('4');
  });

  it("lets a tenant's own limits override the deployment's", async () => {
    const [own, plain] = [await freshTenant(), await freshTenant()];
    const patch = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${own.id}`,
      headers: superAdmin,
      payload: { settings: { rateLimit: { requestsPerMinute: 3, loginAttemptsPerMinute: 2 } } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await times(3, () => anonymous(own.slug))).map((res) => res.statusCode)).toEqual([200, 200, 200]);
    expectRateLimited(await anonymous(own.slug), 3);
    expect((await times(2, () => login(p.app, own.slug))).map((res) => res.statusCode)).toEqual([401, 401]);
    expectRateLimited(await login(p.app, own.slug), 2);
    // The other tenant keeps the deployment's limits.
    expect((await times(5, () => anonymous(plain.slug))).map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expectRateLimited(await anonymous(plain.slug), 5);
  });

  it('gives login its own stricter budget; a spoofed X-Forwarded-For does not change the address, so the 11th attempt is limited', async () => {
    const tenant = await freshTenant();
    const attempts = await times(10, (i) => login(p.app, tenant.slug, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    expect(attempts.map((res) => res.statusCode)).toEqual(Array(10).fill(401));
    expect(attempts.map((res) => res.headers['ratelimit-limit'])).toEqual(Array(10).fill('10'));
    expectRateLimited(await login(p.app, tenant.slug, { 'x-forwarded-for': '198.51.100.200' }), 10);
    expectRateLimited(await login(p.app, tenant.slug, { 'x-forwarded-for': '127.0.0.2, 198.51.100.201' }), 10);
    // Registration shares the login budget; other routes keep theirs.
    const register = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'x-tenant-id': tenant.slug },
      payload: { email: 'late@example.com', password: 'a long enough password' },
    });
    expectRateLimited(register, 10);
    expect((await anonymous(tenant.slug)).statusCode).toBe(200);
  });

  it("keeps auth's own per-address login limit (rate limits off) from being bypassed with X-Forwarded-For", async () => {
    const plain = await createTestPlatform({ backend, config: { auth: { ip_attempts_per_minute: 10 } } });
    try {
      const tenant = await plain.createTenant('rl-auth-ip');
      const attempts = await times(11, (i) => login(plain.app, tenant.slug, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
      expect(attempts.map((res) => res.statusCode)).toEqual([...Array(10).fill(401), 429]);
      expect(attempts[10]?.json()).toMatchObject({ code: 'AUTH_RATE_LIMITED' });
      expect(attempts[0]?.headers['ratelimit-limit']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it('believes X-Forwarded-For from a configured proxy only', async () => {
    const behindProxy = await createTestPlatform({ backend, config: limitedConfig({ trust_proxy: ['10.0.0.1', '10.9.0.0/16'] }) });
    try {
      const tenant = await behindProxy.createTenant('rl-proxied');
      // Through the proxy, each client has its own budget.
      const proxied = await times(12, (i) => login(behindProxy.app, tenant.slug, { 'x-forwarded-for': `203.0.113.${i + 1}` }, '10.0.0.1'));
      expect(proxied.map((res) => res.statusCode)).toEqual(Array(12).fill(401));
      expect(proxied.map((res) => res.headers['ratelimit-remaining'])).toEqual(Array(12).fill('9'));
      // A proxy chain: the address the trusted proxies saw, not what the client wrote in front of it.
      const chained = await times(11, (i) =>
        login(behindProxy.app, tenant.slug, { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.99` }, '10.9.3.4'),
      );
      expect(chained.slice(0, 9).map((res) => res.statusCode)).toEqual(Array(9).fill(401));
      expect(chained.map((res) => res.statusCode).slice(9)).toEqual([401, 429]);
      // From any other address the header is ignored: one client, one budget.
      const direct = await times(11, (i) => login(behindProxy.app, tenant.slug, { 'x-forwarded-for': `192.0.2.${i + 1}` }, '10.0.0.2'));
      expect(direct.map((res) => res.statusCode)).toEqual([...Array(10).fill(401), 429]);
    } finally {
      await behindProxy.close();
    }
  });
});
