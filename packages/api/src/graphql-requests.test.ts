import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { persistedQueries } from './persisted-queries.js';
import { capturedLog } from './test-fixtures/log-lines.js';
import { thingsModule } from './test-fixtures/things-module.js';

type Reply = { data?: unknown; errors?: { message: string; extensions?: { code?: string; errors?: { path: string }[] } }[] };

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const THING = '{ thing { name } }';
const OTHER = '{ thing { id } }';
const persisted = (hash: string, version = 1) => ({ persistedQuery: { version, sha256Hash: hash } });

/**
 * Malformed GraphQL requests answer coded errors (never INTERNAL_ERROR, never an error-level log
 * line), and persisted queries follow the Apollo convention: automatic (apq), an allowlist, or off.
 */
describeEachBackend('GraphQL requests', (backend) => {
  let apq: TestPlatform;
  let allowlisted: TestPlatform;
  let off: TestPlatform;
  let dir: string;
  const { lines: errorLines, logger } = capturedLog();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rustok-allowlist-'));
    const file = join(dir, 'allowlist.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha(THING), body: THING }] }),
    );
    apq = await createTestPlatform({ backend, modules: [thingsModule], logger });
    const config = (mode: string, extra = {}) => ({ graphql: { persisted_queries: mode, ...extra } });
    allowlisted = await createTestPlatform({ backend, modules: [thingsModule], config: config('allowlist', { allowlist_file: file }) });
    off = await createTestPlatform({ backend, modules: [thingsModule], config: config('off') });
  });
  afterAll(async () => {
    await Promise.all([apq?.close(), allowlisted?.close(), off?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (p: TestPlatform, payload: unknown, headers: Record<string, string> = {}) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const res = await p.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
    return { status: res.statusCode, body: res.json<Reply>() };
  };
  const get = async (p: TestPlatform, params: Record<string, unknown>) => {
    const qs = new URLSearchParams(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]),
    );
    const res = await p.app.inject({ method: 'GET', url: `/graphql?${qs}` });
    return { status: res.statusCode, body: res.json<Reply>() };
  };
  const codes = (r: { body: Reply }) => r.body.errors?.map((e) => e.extensions?.code);

  it.each([
    ['no query', {}],
    ['a query that is a number', { query: 123 }],
    ['a query that is an object', { query: { kind: 'Document' } }],
    ['a query that is JSON text', { query: '{"kind":"Document","definitions":[]}' }],
    ['a query that is a JSON number', { query: '123' }],
    ['an empty query', { query: '  ' }],
    ['variables that are a list', { query: THING, variables: [1] }],
    ['variables that are a string', { query: THING, variables: 'x' }],
    ['an operationName that is a number', { query: THING, operationName: 7 }],
    ['extensions that are a list', { query: THING, extensions: [] }],
    ['a malformed persisted hash', { extensions: persisted('abc') }],
    ['a body that is a list', [{ query: THING }]],
    ['a body that is a string', '"{ thing { name } }"'],
    ['a body that is null', 'null'],
    ['a body that is not JSON', '{ "query": '],
  ])('answers %s with 400 GRAPHQL_BAD_REQUEST', async (_name, payload) => {
    const res = await post(apq, payload);
    expect(codes(res), JSON.stringify(res.body)).toEqual(['GRAPHQL_BAD_REQUEST']);
    expect(res.status).toBe(400);
  });

  it('answers a body of another media type with GRAPHQL_BAD_REQUEST and 415', async () => {
    const res = await post(apq, THING, { 'content-type': 'text/html' });
    expect(codes(res)).toEqual(['GRAPHQL_BAD_REQUEST']);
    expect(res.status).toBe(415);
  });

  it('answers syntax errors and variables of the wrong type with GRAPHQL_VALIDATION_FAILED', async () => {
    expect(codes(await post(apq, { query: '{' }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const typed = 'mutation($n: String!, $c: Int!) { createThing(name: $n, count: $c) { id } }';
    for (let run = 0; run < 3; run++) {
      // Repeated, because mercurius compiles a query after its first run and then checks variables differently.
      expect(codes(await post(apq, { query: typed, variables: { n: 'x', c: 'many' } }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await post(apq, { query: typed, variables: { n: 'x', c: 1 } }))).toBeUndefined();
    }
  });

  it('refuses a NUL character in variables and in a string literal with VALIDATION_FAILED naming the place', async () => {
    const typed = 'mutation($n: String!) { createThing(name: $n, count: 1) { id } }';
    const inVariables = await post(apq, { query: typed, variables: { n: 'a\u0000b' } });
    expect(codes(inVariables)).toEqual(['VALIDATION_FAILED']);
    expect(inVariables.body.errors?.[0]?.extensions?.errors).toEqual([{ path: 'variables/n', message: expect.any(String) }]);
    const inLiteral = await post(apq, { query: 'mutation { createThing(name: "a\\u0000b", count: 1) { id } }' });
    expect(codes(inLiteral)).toEqual(['VALIDATION_FAILED']);
    expect(inLiteral.body.errors?.[0]?.extensions?.errors).toEqual([{ path: 'query', message: expect.any(String) }]);
  });

  it('runs queries over GET, refuses mutations there with 405, and bad JSON in the URL with 400', async () => {
    const read = await get(apq, { query: THING });
    expect(read).toEqual({ status: 200, body: { data: { thing: { name: 'root' } } } });
    const write = await get(apq, { query: 'mutation { createThing(name: "x", count: 1) { id } }' });
    expect([write.status, codes(write)]).toEqual([405, ['GRAPHQL_METHOD_NOT_ALLOWED']]);
    const badVariables = await get(apq, { query: THING, variables: '{nope' });
    expect([badVariables.status, codes(badVariables)]).toEqual([400, ['GRAPHQL_BAD_REQUEST']]);
  });

  it('completes the automatic persisted query round trip (unknown hash, registration, hash alone, GET)', async () => {
    const hash = sha(THING);
    const unknown = await post(apq, { extensions: persisted(hash) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', status: 404 } },
    ]);
    const wrongHash = await post(apq, { query: THING, extensions: persisted(sha(OTHER)) });
    expect([wrongHash.status, codes(wrongHash)]).toEqual([400, ['GRAPHQL_BAD_REQUEST']]);
    expect(codes(await post(apq, { extensions: persisted(sha(OTHER)) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(await post(apq, { query: THING, extensions: persisted(hash) })).toEqual({
      status: 200,
      body: { data: { thing: { name: 'root' } } },
    });
    expect(await post(apq, { extensions: persisted(hash) })).toEqual({ status: 200, body: { data: { thing: { name: 'root' } } } });
    expect(await get(apq, { extensions: persisted(hash) })).toEqual({ status: 200, body: { data: { thing: { name: 'root' } } } });
    const version2 = await post(apq, { extensions: persisted(hash, 2) });
    expect([version2.status, codes(version2)]).toEqual([400, ['PERSISTED_QUERY_NOT_SUPPORTED']]);
  });

  it('logs none of these refusals at error level', () => {
    expect(errorLines).toEqual([]);
  });

  it('runs only the allowlisted queries in allowlist mode, by hash or in full', async () => {
    expect(await post(allowlisted, { query: THING })).toEqual({ status: 200, body: { data: { thing: { name: 'root' } } } });
    expect(await post(allowlisted, { extensions: persisted(sha(THING)) })).toEqual({
      status: 200,
      body: { data: { thing: { name: 'root' } } },
    });
    const unlisted = await post(allowlisted, { query: OTHER });
    expect([unlisted.status, codes(unlisted)]).toEqual([403, ['PERSISTED_QUERY_NOT_IN_LIST']]);
    const unknown = await post(allowlisted, { extensions: persisted(sha(OTHER)) });
    expect([unknown.status, codes(unknown)]).toEqual([404, ['PERSISTED_QUERY_NOT_FOUND']]);
    // A hash and its query that are not in the list are not registered either.
    await post(allowlisted, { query: OTHER, extensions: persisted(sha(OTHER)) });
    expect(codes(await post(allowlisted, { extensions: persisted(sha(OTHER)) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('refuses a hash alone when persisted queries are off', async () => {
    const res = await post(off, { extensions: persisted(sha(THING)) });
    expect([res.status, codes(res)]).toEqual([400, ['PERSISTED_QUERY_NOT_SUPPORTED']]);
    expect(await post(off, { query: THING })).toEqual({ status: 200, body: { data: { thing: { name: 'root' } } } });
  });

  it('refuses to start in allowlist mode without a list, or with one whose hash does not match its query', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ [sha(OTHER)]: THING }));
    expect(() => persistedQueries({ mode: 'allowlist', allowlistFile: file })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => persistedQueries({ mode: 'allowlist', allowlistFile: null })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    writeFileSync(file, JSON.stringify({ [sha(OTHER)]: OTHER }));
    expect(persistedQueries({ mode: 'allowlist', allowlistFile: file }).allowlist?.get(sha(OTHER))).toBe(OTHER);
  });
});
