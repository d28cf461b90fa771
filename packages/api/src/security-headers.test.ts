import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { securityHeadersFor } from './security-headers.js';
import { thingsModule } from './test-fixtures/things-module.js';

/** The directives of a Content-Security-Policy header, by name. */
const cspOf = (res: LightMyRequestResponse): Record<string, string[]> => {
  const header = res.headers['content-security-policy'];
  expect(typeof header, 'Content-Security-Policy header').toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
};

/** What every answer carries, page or API. */
const expectCommonHeaders = (res: LightMyRequestResponse) => {
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
};

/** API answers: nothing may load or frame them; no document-only headers. */
const expectApiHeaders = (res: LightMyRequestResponse) => {
  expectCommonHeaders(res);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(cspOf(res)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
  for (const name of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-xss-protection', 'x-dns-prefetch-control'])
    expect(res.headers[name], name).toBeUndefined();
};

/** Pages: helmet's set with the page policy. */
const expectPageHeaders = (res: LightMyRequestResponse) => {
  expectCommonHeaders(res);
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  const csp = cspOf(res);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'self'"]);
  expect(csp['base-uri']).toEqual(["'self'"]);
  return csp;
};

describeEachBackend('security headers', (backend) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [thingsModule], config: { graphql: { graphiql: true } } });
  });
  afterAll(() => p?.close());

  it('puts the API set on API answers: a policy that forbids everything, no document-only headers', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/modules' });
    expectApiHeaders(res);
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('puts the page policy on pages: scripts only from this origin, never inline', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/no/such/page' });
    const csp = expectPageHeaders(res);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    // The admin SPA and the storefront: style sheets of this origin and inline styles; product images from HTTPS hosts.
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'https:']);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(Object.keys(csp)).not.toContain('upgrade-insecure-requests');
  });

  it('tells API paths from pages by whole path segments', () => {
    for (const url of ['/api/v1/x', '/graphql', '/graphql?query=1', '/health/live', '/metrics', '/.well-known/jwks.json'])
      expect(securityHeadersFor(url)['x-frame-options'], url).toBe('DENY');
    for (const url of ['/', '/graphqlish', '/metricsx', '/admin/', '/docs/events', '/products/x', '/healthy'])
      expect(securityHeadersFor(url)['x-frame-options'], url).toBe('SAMEORIGIN');
  });

  it('puts them on problem+json answers too: 404, 401, 413, 422 and 500', async () => {
    const answers = await Promise.all([
      p.app.inject({ method: 'GET', url: '/api/v1/no/such/route' }),
      p.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      p.app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: 'x'.repeat(2_000_000), count: 1 } }),
      p.app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: '', count: -1 } }),
      p.app.inject({ method: 'GET', url: '/api/v1/boom' }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([404, 401, 413, 422, 500]);
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['x-request-id']).toBeTruthy();
      expectApiHeaders(res);
    }
    expectPageHeaders(await p.app.inject({ method: 'GET', url: '/no/such/route' }));
  });

  it('puts them on health answers and GraphQL answers', async () => {
    expectApiHeaders(await p.app.inject({ method: 'GET', url: '/health/live' }));
    expectApiHeaders(await p.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ thing { id } }' } }));
  });

  it('lets Swagger UI load: its scripts and style sheets from /swagger/static, no inline script', async () => {
    const page = await p.app.inject({ method: 'GET', url: '/swagger/' });
    expect(page.statusCode).toBe(200);
    const csp = expectPageHeaders(page);
    expect(csp['script-src']).toEqual(["'self'"]);
    // The page itself carries no inline script the policy would block.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src.startsWith('./static/') || src.startsWith('/swagger/static/')).toBe(true);
    const asset = await p.app.inject({ method: 'GET', url: '/swagger/static/swagger-initializer.js' });
    expect(asset.statusCode).toBe(200);
    expect(cspOf(asset)['font-src']).toEqual(["'self'", 'data:', 'https:']);
  });

  it('lets GraphiQL load React and GraphiQL from its CDN, and keeps every other rule', async () => {
    const page = await p.app.inject({ method: 'GET', url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    const csp = expectPageHeaders(page);
    expect(csp['script-src']).toEqual(["'self'", 'https://unpkg.com']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'", 'https://unpkg.com']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://unpkg.com']);
    const main = await p.app.inject({ method: 'GET', url: '/graphiql/main.js' });
    expect(main.statusCode).toBe(200);
    // Every script the page loads is named in script-src.
    const loaded = [...main.body.matchAll(/'(https:\/\/[^'/]+)\/[^']+\.js'/g)].map((m) => m[1]);
    expect(loaded.length).toBeGreaterThan(0);
    for (const origin of loaded) expect(csp['script-src']).toContain(origin);
    // Other pages keep the strict policy.
    expect(cspOf(await p.app.inject({ method: 'GET', url: '/no/such/page' }))['script-src']).toEqual(["'self'"]);
  });
});
