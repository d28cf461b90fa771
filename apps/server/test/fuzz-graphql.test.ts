import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type GraphQLFuzzRequest, malformedArbitrary, operationArbitrary } from './fuzz/graphql-requests.js';
import { fuzzProduct } from './fuzz/seed.js';

/**
 * GraphQL under fuzz: 2,000 operations built from the schema (every root field, wrong argument
 * types, bad cursors, NULs, variables declared with the wrong type) and 1,000 malformed requests
 * (random JSON, wrong field types, broken persisted-query extensions, other media types, GET).
 * No answer may be a 5xx or carry INTERNAL_ERROR, and every error carries a code. FUZZ_SEED replays.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const OPERATIONS = Number(process.env.FUZZ_GRAPHQL_RUNS ?? 2_000);
const MALFORMED = Number(process.env.FUZZ_GRAPHQL_MALFORMED ?? 1_000);

type Answer = { errors?: { message?: string; extensions?: { code?: unknown } }[] };

const parsed = (body: string): Answer | undefined => {
  try {
    return JSON.parse(body) as Answer;
  } catch {
    return undefined;
  }
};

describeEachBackend('GraphQL fuzz', (backend) => {
  let p: TestPlatform;
  let headers: Record<string, string>[];
  const ids: string[] = [];

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    const tenant = await p.createTenant('gql-fuzz');
    const admin = await p.userWithToken(tenant.id, ['admin']);
    headers = [admin.headers, admin.headers, admin.headers, { 'x-tenant-id': tenant.id }];
    const productIds = await fuzzProduct(p, admin.headers, { sku: 'GF-1', prices: [{ amount: 100, currencyCode: 'USD' }] });
    ids.push(...productIds, tenant.id, admin.userId, 'en', 'USD');
  }, 120_000);
  afterAll(() => p?.close());

  /** Runs the requests; returns the bad answers (5xx, INTERNAL_ERROR, an error without a code) and the status counts. */
  const run = async (requests: readonly GraphQLFuzzRequest[]) => {
    const statuses: Record<number, number> = {};
    const bad: string[] = [];
    let errors = 0;
    for (const [i, r] of requests.entries()) {
      const res = await p.app.inject({
        method: r.method,
        url: r.url,
        headers: { ...(headers[i % headers.length] ?? {}), ...(r.contentType ? { 'content-type': r.contentType } : {}) },
        ...(r.payload === undefined ? {} : { payload: r.payload }),
      });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      const answer = parsed(res.body);
      const problemCode = (answer as { code?: unknown } | undefined)?.code;
      const codes = answer?.errors?.map((e) => e.extensions?.code) ?? (typeof problemCode === 'string' ? [problemCode] : []);
      errors += codes.length;
      const uncoded = res.statusCode >= 400 && codes.length === 0;
      if (res.statusCode >= 500 || uncoded || codes.some((c) => typeof c !== 'string' || c === 'INTERNAL_ERROR')) {
        bad.push(
          `${res.statusCode} ${r.label}: ${r.method} ${r.url.slice(0, 150)} ${r.payload?.slice(0, 300) ?? ''} → ${res.body.slice(0, 300)}`,
        );
      }
    }
    return { statuses, bad, errors };
  };

  it(`answers ${OPERATIONS} fuzzed operations from the schema without INTERNAL_ERROR`, async () => {
    const schema = (p.app as unknown as { graphql: { schema: GraphQLSchema } }).graphql.schema;
    const requests = fc.sample(operationArbitrary(schema, ids), { seed: SEED, numRuns: OPERATIONS });
    const { statuses, bad, errors } = await run(requests);
    console.log(
      `GraphQL fuzz [${backend.name}] seed=${SEED} operations=${requests.length} statuses=${JSON.stringify(statuses)} errors=${errors} bad=${bad.length}`,
    );
    expect(bad.slice(0, 8), `seed ${SEED}: ${bad.length} bad answers`).toEqual([]);
    // The operations are well-formed requests: they reach validation and execution.
    expect(statuses[200] ?? 0).toBeGreaterThan(requests.length / 2);
  }, 600_000);

  it(`answers ${MALFORMED} malformed requests with coded errors, never INTERNAL_ERROR`, async () => {
    const requests = fc.sample(malformedArbitrary('{ modules { slug } }'), { seed: SEED, numRuns: MALFORMED });
    const { statuses, bad, errors } = await run(requests);
    console.log(
      `GraphQL malformed [${backend.name}] seed=${SEED} requests=${requests.length} statuses=${JSON.stringify(statuses)} errors=${errors} bad=${bad.length}`,
    );
    expect(bad.slice(0, 8), `seed ${SEED}: ${bad.length} bad answers`).toEqual([]);
  }, 600_000);
});
