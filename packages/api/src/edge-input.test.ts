import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { thingsModule } from './test-fixtures/things-module.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/**
 * Input that used to reach PostgreSQL or the router's own error answers: NUL characters, URLs
 * that are not valid percent-encoding, over-long path parameters and statements PostgreSQL
 * refuses. Each answer is a coded problem+json 4xx with the request-id headers.
 */
describeEachBackend('edge input', (backend) => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule] });
  });
  afterAll(async () => platform?.close());

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.json()).toMatchObject({ status, code, instance: res.headers['x-request-id'] });
  };

  it('refuses a NUL character in a body field with 422, naming the field', async () => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: 'la\u0000mp', count: 1 } });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(res.json()).toMatchObject({ errors: [{ path: 'body/name', message: 'must not contain the NUL character (U+0000)' }] });
  });

  it('refuses a NUL character in a nested body value and in a key', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      payload: { name: 'x', count: 1, extra: [{ deep: 'a\u0000' }], 'k\u0000': 1 },
    });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['body/extra/0/deep', 'body/k\\u0000']);
  });

  it('refuses a body nested thousands of levels deep with 422 naming where it gets too deep (no 500)', async () => {
    const payload = `{"name":"x","count":1,"extra":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(res.json()).toMatchObject({ errors: [{ path: `body/extra${'/0'.repeat(63)}`, message: 'is nested deeper than 64 levels' }] });
  });

  it('refuses a NUL character in the query string and in a path parameter', async () => {
    const query = await platform.app.inject({ method: 'GET', url: '/api/v1/boom?q=a%00b' });
    expectProblem(query, 422, 'VALIDATION_FAILED');
    expect(query.json()).toMatchObject({ errors: [{ path: 'querystring/q' }] });
    const param = await platform.app.inject({ method: 'GET', url: '/api/v1/things/a%00b' });
    expectProblem(param, 422, 'VALIDATION_FAILED');
    expect(param.json()).toMatchObject({ errors: [{ path: 'params/id' }] });
  });

  it('refuses a NUL character in a text/plain body', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': 'text/plain' },
      payload: 'a\u0000b',
    });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(res.json()).toMatchObject({ errors: [{ path: 'body' }] });
  });

  it('answers a URL with bad percent-encoding with 400 REQUEST_BAD_URL as problem+json', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/v1/things/%E0%A4%A', headers: { 'x-correlation-id': 'corr-1' } });
    expectProblem(res, 400, 'REQUEST_BAD_URL');
    expect(res.headers['x-correlation-id']).toBe('corr-1');
  });

  it('answers an over-long path parameter with 414 REQUEST_PARAM_TOO_LONG; a 200-character one reaches the route', async () => {
    expectProblem(await platform.app.inject({ method: 'GET', url: `/api/v1/things/${'a'.repeat(600)}` }), 414, 'REQUEST_PARAM_TOO_LONG');
    const reached = await platform.app.inject({ method: 'GET', url: `/api/v1/things/${'a'.repeat(200)}` });
    expectProblem(reached, 422, 'VALIDATION_FAILED');
  });

  it.each([
    ['unique', 409, 'DATA_DUPLICATE'],
    ['missing-reference', 404, 'DATA_REFERENCE_NOT_FOUND'],
    ['still-referenced', 409, 'DATA_STILL_REFERENCED'],
    ['check', 422, 'DATA_CONSTRAINT_VIOLATED'],
    ['not-null', 422, 'DATA_CONSTRAINT_VIOLATED'],
    ['invalid-text', 422, 'DATA_INVALID_VALUE'],
    ['out-of-range', 422, 'DATA_INVALID_VALUE'],
    ['invalid-datetime', 422, 'DATA_INVALID_VALUE'],
    ['datetime-overflow', 422, 'DATA_INVALID_VALUE'],
    ['too-long', 422, 'DATA_INVALID_VALUE'],
  ])('answers a statement PostgreSQL refuses (%s) with %i %s', async (name, status, code) => {
    const res = await platform.app.inject({ method: 'POST', url: `/api/v1/things/refused/${name}` });
    expectProblem(res, status, code);
    // The instance is a random id: it may contain any of the words below by chance.
    const { instance: _instance, ...shown } = res.json() as Record<string, unknown>;
    expect(JSON.stringify(shown)).not.toMatch(/things|thing_parts|_fkey|_pkey|_check|not-a-uuid|abcd/);
  });

  it('names the column PostgreSQL names, for a NOT NULL violation', async () => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/v1/things/refused/not-null' });
    expect(res.json()).toMatchObject({ errors: [{ path: 'name' }] });
  });
});
