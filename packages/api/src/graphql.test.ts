import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedLog } from './test-fixtures/log-lines.js';
import { SECRET_MESSAGE, thingsModule } from './test-fixtures/things-module.js';

interface GraphQLAnswer {
  data: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; locations?: unknown[]; extensions: Record<string, unknown> }[];
}

const INTERNAL_MESSAGE = 'An unexpected error occurred; it has been logged with the request id';

describeEachBackend('GraphQL endpoint', (backend) => {
  let platform: TestPlatform;
  const { lines: logLines, logger } = capturedLog();

  beforeAll(async () => {
    platform = await createTestPlatform({
      backend,
      modules: [thingsModule],
      config: { graphql: { max_depth: 3, max_complexity: 5 } },
      logger,
    });
  });
  afterAll(async () => platform?.close());

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await platform.app.inject({ method: 'POST', url: '/graphql', payload: { query, ...(variables ? { variables } : {}) } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return { res, body: res.json<GraphQLAnswer>() };
  };

  it('lists the built-in modules', async () => {
    const { res, body } = await gql('{ modules { slug name kind version } }');
    expect(res.statusCode).toBe(200);
    expect(body).toEqual({
      data: {
        modules: [
          { slug: 'events', name: 'Events', kind: 'core', version: '0.1.0' },
          { slug: 'tenancy', name: 'Tenancy', kind: 'core', version: '0.1.0' },
          { slug: 'auth', name: 'Identity and access', kind: 'core', version: '0.1.0' },
          { slug: 'platform', name: 'Platform', kind: 'core', version: '0.1.0' },
          { slug: 'mcp', name: 'MCP server', kind: 'core', version: '0.1.0' },
          { slug: 'things', name: 'Things', kind: 'optional', version: '1.2.3' },
        ],
      },
    });
  });

  it("runs the module's own queries and mutations, with variables", async () => {
    const { body } = await gql('{ thing { name count child { name } } }');
    expect(body).toEqual({ data: { thing: { name: 'root', count: 1, child: { name: 'root>' } } } });
    const created = await gql('mutation Make($name: String!, $count: Int!) { createThing(name: $name, count: $count) { name count } }', {
      name: 'lamp',
      count: 2,
    });
    expect(created.res.statusCode).toBe(200);
    expect(created.body).toEqual({ data: { createThing: { name: 'lamp', count: 2 } } });
  });

  // Run twice: the second run of a query goes through the JIT-compiled path (jit: 1).
  it.each([1, 2])('answers a resolver AppError with its code and status in extensions (run %i)', async () => {
    const { res, body } = await gql('{ thingMissing { name } }');
    expect(res.statusCode).toBe(200);
    expect(body.data).toEqual({ thingMissing: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: 'No such thing',
      path: ['thingMissing'],
      extensions: { code: 'THINGS_NOT_FOUND', status: 404 },
    });
  });

  it('answers a mutation AppError with its code', async () => {
    const { body } = await gql('mutation { createThing(name: "x", count: -1) { name } }');
    expect(body.data).toEqual({ createThing: null });
    expect(body.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['count must not be negative', { code: 'THINGS_COUNT_NEGATIVE', status: 422 }],
    ]);
  });

  it.each([1, 2])('answers an unexpected resolver Error with INTERNAL_ERROR and no internals (run %i)', async () => {
    const { res, body } = await gql('{ thingCrash { name } }');
    expect(res.statusCode).toBe(200);
    expect(body.data).toEqual({ thingCrash: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ message: INTERNAL_MESSAGE, path: ['thingCrash'], extensions: { code: 'INTERNAL_ERROR' } });
    expect(res.body).not.toContain(SECRET_MESSAGE);
    expect(res.body).not.toMatch(/stack/i);
    const requestId = res.headers['x-request-id'];
    expect(logLines.find((l) => l.requestId === requestId && l.msg === 'graphql resolver failed')).toMatchObject({
      err: { message: SECRET_MESSAGE },
    });
  });

  it('accepts a query exactly at graphql.max_depth', async () => {
    const { body } = await gql('{ thing { child { name } } }');
    expect(body).toEqual({ data: { thing: { child: { name: 'root>' } } } });
  });

  it('refuses a query deeper than graphql.max_depth without running it', async () => {
    const { body } = await gql('{ thing { child { child { name } } } }');
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: '`unnamedQuery query depth (4) exceeds the query depth limit of 3`',
        extensions: { code: 'GRAPHQL_TOO_DEEP' },
      },
    ]);
  });

  it('refuses a deep query reached through fragments too', async () => {
    const { body } = await gql('query Deep { thing { ...T } } fragment T on Thing { child { child { name } } }');
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/Deep query depth \(4\) exceeds the query depth limit of 3/);
  });

  it('accepts a query exactly at graphql.max_complexity', async () => {
    const { body } = await gql('{ thing { name count child { name } } }');
    expect(body.errors).toBeUndefined();
  });

  it.each([1, 2])('refuses a query over graphql.max_complexity with GRAPHQL_TOO_COMPLEX (run %i)', async () => {
    const { body } = await gql('{ thing { name count child { name count } } }');
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'Query complexity 6 exceeds the maximum of 5', extensions: { code: 'GRAPHQL_TOO_COMPLEX' } }],
    });
  });

  it('counts complexity with the request variables, so @include decides per request', async () => {
    const query = 'query Q($more: Boolean!) { thing { name count child @include(if: $more) { name count } } }';
    expect((await gql(query, { more: false })).body).toEqual({ data: { thing: { name: 'root', count: 1 } } });
    // Same document (now cached and JIT-compiled), larger answer: refused.
    expect((await gql(query, { more: true })).body.errors?.[0]?.extensions.code).toBe('GRAPHQL_TOO_COMPLEX');
  });

  it('answers a missing required variable with a coded error', async () => {
    const { body } = await gql('mutation Make($name: String!) { createThing(name: $name, count: 1) { name } }');
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$name" of required type "String!" was not provided.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('counts only the selected operation of a multi-operation document', async () => {
    const doc = 'query Small { thing { name } } query Big { thing { name count child { name count } } }';
    const small = await platform.app.inject({ method: 'POST', url: '/graphql', payload: { query: doc, operationName: 'Small' } });
    expect(small.json()).toEqual({ data: { thing: { name: 'root' } } });
    const big = await platform.app.inject({ method: 'POST', url: '/graphql', payload: { query: doc, operationName: 'Big' } });
    expect(big.json<GraphQLAnswer>().errors?.[0]?.extensions.code).toBe('GRAPHQL_TOO_COMPLEX');
  });

  it('counts aliases against the complexity limit', async () => {
    const { body } = await gql('{ a: thing { name } b: thing { name } c: thing { name } }');
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_TOO_COMPLEX');
  });

  it('answers a syntax error with a coded error', async () => {
    const { body } = await gql('{ thing { name ');
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('answers an unknown field with a coded validation error', async () => {
    const { body } = await gql('{ nope }');
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
  });

  it('refuses a mutation sent with GET', async () => {
    const res = await platform.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { createThing(name: "x", count: 1) { name } }')}`,
    });
    const body = res.json<GraphQLAnswer>();
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('"createThing":{');
  });
});
