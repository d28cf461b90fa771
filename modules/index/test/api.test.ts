import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import type { StoreProductSummary } from '../src/schemas.js';
import { drained, expectProblem, ok, type Page } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

describeEachBackend('index: GraphQL, cache, metrics, admin', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let c: ReturnType<typeof catalog>;
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = c.visitor) => {
    const res = await p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
    return res.json<{ data: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] }>();
  };

  beforeAll(async () => {
    p = await createTestPlatform({
      backend,
      modules: [contentModule, commerceModule, indexModule],
      config: { settings: { rustok: { index: { cache_ttl_ms: 60_000 } } } },
    });
    tenant = await p.createTenant('index-api');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    for (const title of ['Graph lamp', 'Graph desk', 'Graph chair']) await c.publish((await c.create(productBody(title))).id);
    await drained(p);
  });
  afterAll(() => p?.close());

  it('answers the storefront over GraphQL as over REST', async () => {
    const rest = await c.store('q=graph&limit=2');
    const res = await gql(
      `query ($q: String, $first: Int, $after: String) { storeProducts(q: $q, first: $first, after: $after) {
         items { id handle title prices { currencyCode min max } hasStock } nextCursor match } }`,
      { q: 'graph', first: 2 },
    );
    const page = res.data?.storeProducts as Page<StoreProductSummary>;
    expect(page.items.map((i) => i.id)).toEqual(rest.items.map((i) => i.id));
    expect(page.nextCursor).toBe(rest.nextCursor);
    const handle = rest.items[0]?.handle;
    const one = await gql('query ($h: String!) { storeProduct(handle: $h) { handle description currencies } }', { h: handle });
    expect(one.data?.storeProduct, JSON.stringify(one)).toMatchObject({ handle, currencies: ['EUR', 'USD'] });
    const bad = await gql('{ storeProducts(currency: "usd", first: 500) { match } }');
    expect(bad.errors?.[0]?.extensions.code).toBe('VALIDATION_FAILED');
    const content = await gql('{ storeContent(kind: "post") { items { id } nextCursor match } }');
    expect(content.data?.storeContent).toEqual({ items: [], nextCursor: null, match: 'all' });
  });

  it('answers storefront queries from the stored text byte for byte as the executor does', async () => {
    const post = (query: string) => p.app.inject({ method: 'POST', url: '/graphql', headers: c.visitor, payload: { query } });
    const counted = async (what: string) =>
      Number(
        new RegExp(`^rustok_graphql_stored_text_${what}_total (\\d+)`, 'm').exec(
          (await p.app.inject({ method: 'GET', url: '/metrics' })).body,
        )?.[1],
      );
    const answered = () => counted('answers');
    const handle = (await c.store('limit=1')).items[0]?.handle;
    const page =
      '{ items { id handle locale textLocale title subtitle prices { currencyCode min max } priceFrom { amount currencyCode } inStock hasStock totalStock categories tags publishedAt } nextCursor match }';
    const spliced = await counted('spliced');
    const queries = [
      `{ storeProducts(first: 2) @D ${page} }`,
      `{ storeProducts(q: "graph", first: 1) @D ${page} }`,
      '{ storeProducts(q: "graph", facets: true) @D { match items { title description variants { id } } facets { total currency categories { value count } priceBuckets { min max count } noPrice inStock outOfStock } } }',
      `{ storeProduct(handle: "${handle}") @D { id title description seoTitle currencies variants { id title sku options prices { amount currencyCode } inStock availability available } images { url alt } } }`,
    ];
    for (const query of queries) {
      const before = await answered();
      const fromText = await post(query.replace('@D', ''));
      const executed = await post(query.replace('@D', '@include(if: true)'));
      expect(fromText.statusCode).toBe(200);
      expect(fromText.body).toBe(executed.body);
      expect(fromText.json<{ errors?: unknown }>().errors).toBeUndefined();
      expect((await answered()) - before).toBe(1);
    }
    // The two queries of the page's own shape (no facets) got its text as it is.
    expect((await counted('spliced')) - spliced).toBe(2);
  });

  it('lets only permitted callers ask for a rebuild', async () => {
    const mutation = 'mutation { requestIndexRebuild(kinds: [products]) { eventId kinds locale } }';
    expect((await gql(mutation)).errors?.[0]?.extensions.code).toBe('AUTH_REQUIRED');
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    expect((await gql(mutation, {}, customer)).errors?.[0]?.extensions.code).toBe('AUTH_FORBIDDEN');
    expect((await gql(mutation, {}, admin)).data?.requestIndexRebuild).toMatchObject({ kinds: ['products'], locale: null });
    expectProblem(await c.call('POST', '/index/rebuild', customer, {}), 403, 'AUTH_FORBIDDEN');
    expectProblem(await c.call('POST', '/index/rebuild', admin, { kinds: ['orders'] }), 422, 'VALIDATION_FAILED');
    await drained(p);
    const status = await ok<{ products: { published: number } }>(c.call('GET', '/index/status', admin));
    expect(status.products.published).toBe(6); // 3 products × (en, ru)
  });

  it('serves cached answers until an event of the tenant arrives', async () => {
    const before = await c.store('q=graph');
    await p.database.db.transaction((tx) => tx.query("UPDATE index_products SET title = 'Hand edited' WHERE title = 'Graph lamp'"), {
      tenantId: tenant.id,
    });
    expect(await c.store('q=graph')).toEqual(before);
    await c.publish((await c.create(productBody('Graph shelf'))).id);
    await drained(p);
    const after = await c.store('q=graph');
    expect(after.items.map((i) => i.title)).toEqual(expect.arrayContaining(['Hand edited', 'Graph shelf']));
  });

  it('reports index lag and rows on /metrics, with trigram search available on this database', async () => {
    const text = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/rustok_index_rows\{table="index_products"\} [1-9]\d*/);
    expect(text).toMatch(/rustok_index_lag_seconds \d/);
    expect(text).toMatch(/rustok_index_apply_delay_seconds_count [1-9]/);
    const { rows } = await p.database.db.query<{ present: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS present",
    );
    expect(rows[0]?.present).toBe(true);
  });
});
