import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { thingsModule } from './test-fixtures/things-module.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEachBackend('request and correlation ids', (backend) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule] });
  });
  afterAll(async () => platform?.close());

  const live = (headers: Record<string, string> = {}) => platform.app.inject({ method: 'GET', url: '/health/live', headers });

  it('generates a UUID request id when none is sent, and uses it as the correlation id', async () => {
    const res = await live();
    expect(res.statusCode).toBe(200);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(UUID);
    expect(res.headers['x-correlation-id']).toBe(requestId);
    const other = await live();
    expect(other.headers['x-request-id']).toMatch(UUID);
    expect(other.headers['x-request-id']).not.toBe(requestId);
  });

  it('keeps a well-formed incoming X-Request-Id', async () => {
    const res = await live({ 'x-request-id': 'edge-proxy.42:abc_DEF' });
    expect(res.headers['x-request-id']).toBe('edge-proxy.42:abc_DEF');
    expect(res.headers['x-correlation-id']).toBe('edge-proxy.42:abc_DEF');
  });

  it.each([
    ['spaces and markup', 'abc <script>'],
    ['a newline-like injection', 'abc%0d%0aSet-Cookie'],
    ['a slash', 'a/b'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('replaces an X-Request-Id with %s by a fresh UUID', async (_label, sent) => {
    const res = await live({ 'x-request-id': sent });
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers['x-request-id']).not.toBe(sent);
  });

  it('echoes an incoming X-Correlation-Id next to its own request id', async () => {
    const res = await live({ 'x-correlation-id': 'order-flow-7' });
    expect(res.headers['x-correlation-id']).toBe('order-flow-7');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('falls back to the request id when the X-Correlation-Id is malformed', async () => {
    const res = await live({ 'x-request-id': 'req-1', 'x-correlation-id': 'bad id!' });
    expect(res.headers['x-request-id']).toBe('req-1');
    expect(res.headers['x-correlation-id']).toBe('req-1');
  });

  it('carries both ids on error answers, with the problem instance equal to the request id', async () => {
    const res = await platform.app.inject({
      method: 'GET',
      url: '/no/such/route',
      headers: { 'x-request-id': 'trace-404', 'x-correlation-id': 'flow-404' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('trace-404');
    expect(res.headers['x-correlation-id']).toBe('flow-404');
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: 'trace-404' });
  });

  it('carries both ids on GraphQL answers', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-request-id': 'gql-1' },
      payload: { query: '{ modules { slug } }' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('gql-1');
    expect(res.headers['x-correlation-id']).toBe('gql-1');
  });
});
