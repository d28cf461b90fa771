import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The defects the outside fuzz run found on the real routes, each reproduced: a NUL character on
 * public routes (search, login, register) gave 500; malformed URLs got the framework's plain JSON
 * without X-Request-Id.
 */
describeEachBackend('edge input over HTTP', (backend) => {
  let p: TestPlatform;
  let tenant: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    const t = await p.defaultTenant();
    tenant = { 'x-tenant-id': t.id };
    admin = (await p.userWithToken(t.id, ['admin'])).headers;
  });
  afterAll(() => p?.close());

  const expectNulRefused = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, path: string) => {
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path }] });
  };

  const post = (url: string, headers: Record<string, string>, payload: object) => p.app.inject({ method: 'POST', url, headers, payload });

  it('refuses a NUL character in a storefront search with 422', async () => {
    expectNulRefused(await p.app.inject({ method: 'GET', url: '/api/v1/store/products?q=a%00b', headers: tenant }), 'querystring/q');
    expectNulRefused(await p.app.inject({ method: 'GET', url: '/api/v1/store/content?q=%00', headers: tenant }), 'querystring/q');
  });

  it('refuses a NUL character in login and register fields with 422', async () => {
    const login = await post('/api/v1/auth/login', tenant, { email: 'a\u0000@example.com', password: 'x' });
    expectNulRefused(login, 'body/email');
    const register = await post('/api/v1/auth/register', tenant, {
      email: 'nul@example.com',
      password: 'correct horse battery',
      name: 'N\u0000',
    });
    expectNulRefused(register, 'body/name');
  });

  it('refuses a NUL character in an admin write body with 422', async () => {
    const res = await post('/api/v1/content/nodes', admin, { kind: 'page', title: 'a\u0000' });
    expectNulRefused(res, 'body/title');
  });

  it('answers malformed URLs as problem+json with X-Request-Id', async () => {
    for (const [url, status, code] of [
      ['/api/v1/content/nodes/%E0%A4%A', 400, 'REQUEST_BAD_URL'],
      [`/api/v1/content/nodes/${'a'.repeat(1000)}`, 414, 'REQUEST_PARAM_TOO_LONG'],
    ] as const) {
      const res = await p.app.inject({ method: 'GET', url, headers: admin });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
      expect(res.json()).toMatchObject({ code, instance: res.headers['x-request-id'] });
    }
  });
});
