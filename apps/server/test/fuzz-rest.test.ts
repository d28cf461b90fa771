import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FuzzRequest, type Identity, type OpenApi, requestArbitrary, routesOf } from './fuzz/rest-requests.js';
import { fuzzProduct } from './fuzz/seed.js';

/**
 * 10,000 fuzzed requests over every REST route of the OpenAPI document (all modules), as the
 * tenant's administrator, the platform administrator, anonymously and without a tenant: garbage
 * path parameters, query strings and bodies, NULs, huge numbers, wrong types, other media types
 * and broken percent-encoding. No answer may be a 5xx, and every error must be problem+json with
 * a `code`. The seed is printed; set FUZZ_SEED to
 * replay a run (and FUZZ_RUNS to change its size).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

interface Finding {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/** A coded error answer: problem+json with a `code`, or on /graphql GraphQL errors that each carry a code other than INTERNAL_ERROR. */
const isCodedError = (url: string, contentType: string, body: string): boolean => {
  const answer = parsed(body) as { code?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  if (contentType.startsWith('application/problem+json') && typeof answer?.code === 'string') return true;
  if (url.startsWith('/graphql')) {
    const codes = answer?.errors?.map((e) => e.extensions?.code) ?? [];
    return codes.length > 0 && codes.every((c) => typeof c === 'string' && c !== 'INTERNAL_ERROR');
  }
  return false;
};

describeEachBackend('REST fuzz', (backend) => {
  let p: TestPlatform;
  let doc: OpenApi;
  const ids: string[] = [];
  let identities: Identity[];

  beforeAll(async () => {
    // A live inbox stream ends after a moment, so a fuzzed call to it returns.
    const config = { settings: { rustok: { notifications: { inbox: { stream_max_ms: 50 } } } } };
    p = await createTestPlatform({ backend, modules: builtInModules, config });
    const tenant = await p.createTenant('fuzz');
    const admin = await p.userWithToken(tenant.id, ['admin']);
    identities = [
      ...Array.from({ length: 6 }, () => ({ name: 'admin', headers: admin.headers })),
      ...Array.from({ length: 3 }, () => ({ name: 'anonymous', headers: { 'x-tenant-id': tenant.id } })),
      { name: 'no tenant', headers: {} },
      { name: 'platform admin', headers: (await p.userWithToken((await p.defaultTenant()).id, ['super_admin'])).headers },
    ];
    doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json<OpenApi>();
    const productIds = await fuzzProduct(p, admin.headers, { sku: 'FZ-1', prices: [{ amount: 100, currencyCode: 'USD' }], inventory: 5 });
    const node = await p.app.inject({
      method: 'POST',
      url: '/api/v1/content/nodes',
      headers: admin.headers,
      payload: { kind: 'page', title: 'Fuzz page' },
    });
    ids.push(...productIds, node.json<{ id: string }>().id, tenant.id, admin.userId, 'en', 'commerce');
  }, 120_000);
  afterAll(() => p?.close());

  it(`answers ${RUNS} fuzzed requests with no 5xx and only problem+json errors`, async () => {
    const routes = routesOf(doc);
    expect(routes.length).toBeGreaterThan(50);
    const generating = performance.now();
    const requests = fc.sample(requestArbitrary(doc, routes, ids, identities), { seed: SEED, numRuns: RUNS });
    const generatedMs = Math.round(performance.now() - generating);
    const byStatus = new Map<number, number>();
    const findings: Finding[] = [];
    const slow: string[] = [];
    for (const request of requests) {
      const started = performance.now();
      const res = await p.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.payload,
      });
      const ms = performance.now() - started;
      if (ms > 1_000) slow.push(`${Math.round(ms)} ms ${request.method} ${request.url.slice(0, 120)}`);
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      const contentType = String(res.headers['content-type'] ?? '');
      const bad =
        res.statusCode >= 500 || (res.statusCode >= 400 && request.method !== 'HEAD' && !isCodedError(request.url, contentType, res.body));
      if (bad) findings.push({ request, status: res.statusCode, contentType, body: res.body.slice(0, 300) });
    }
    const counts = Object.fromEntries([...byStatus].sort(([a], [b]) => a - b));
    const serverErrors = findings.filter((f) => f.status >= 500).length;
    console.log(
      `REST fuzz [${backend.name}] seed=${SEED} requests=${requests.length} routes=${routes.length} statuses=${JSON.stringify(counts)} ` +
        `5xx=${serverErrors} non-problem errors=${findings.length - serverErrors} (generated in ${generatedMs} ms)`,
    );
    if (slow.length > 0) console.log(`slow answers:\n  ${slow.slice(0, 10).join('\n  ')}`);
    const grouped = new Map<string, number>();
    for (const f of findings) grouped.set(`${f.status} ${f.request.route}`, (grouped.get(`${f.status} ${f.request.route}`) ?? 0) + 1);
    for (const [key, n] of grouped) console.log(`  ${n} × ${key}`);
    const sample = findings
      .slice(0, 8)
      .map((f) => `${f.status} ${f.request.method} ${f.request.url.slice(0, 200)} ${f.request.payload?.slice(0, 200) ?? ''} → ${f.body}`);
    expect(sample, `seed ${SEED}: ${findings.length} bad answers`).toEqual([]);
  }, 600_000);
});
