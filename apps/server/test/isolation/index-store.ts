import { expect } from 'vitest';
import { errorCodes, expectNoSecretsOfB, refusedRoute } from './checks.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { pagesArea } from './pages.js';
import { type Area, defineArea, type Method, type Response, type World } from './world.js';

/** The index: the storefront read models (products, content) and their administration. */

interface IndexObjects {
  /** The tenant's published product and page, seen in its own storefront (the read models caught up). */
  readonly handle: string;
  readonly pageSlug: string;
}

const waitFor = async (read: () => Promise<Response>, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await read();
    if (res.statusCode === 200) return;
    if (Date.now() > deadline) throw new Error(`${what} never reached the storefront: ${res.statusCode} ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const ofB = (w: World): IndexObjects => indexStoreArea.of(w.b);

/** A storefront list over GraphQL answered to A: no error, nothing of B. */
const listsNothingOfB =
  (query: string) =>
  async (w: World): Promise<void> => {
    const reply = await w.gql(w.a.admin, query);
    expect(reply.errors, reply.text).toBeUndefined();
    expectNoSecretsOfB(w, reply.text);
  };

export const indexStoreArea: Area<IndexObjects> = defineArea<IndexObjects>({
  name: 'index-store',
  async setup({ p, side, call }) {
    const { handle } = commerceCatalogArea.of(side);
    const { pageSlug } = pagesArea.of(side);
    const get = (url: string) => () => call('GET' as Method, url, { 'x-tenant-id': side.tenant.id });
    await waitFor(get(`/api/v1/store/products/${handle}`), `product ${handle}`);
    await waitFor(get(`/api/v1/store/content/page/${pageSlug}`), `page ${pageSlug}`);
    // Every event of the tenant handled, so nothing changes its read models after the suite's snapshot.
    const pending = async () => {
      const { rows } = await p.database.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sys_events WHERE tenant_id = $1 AND status = 'pending'",
        [side.tenant.id],
      );
      return { statusCode: rows[0]?.n === 0 ? 200 : 202, body: `${rows[0]?.n} pending` } as Response;
    };
    await waitFor(pending, 'the event backlog');
    return { handle, pageSlug };
  },
  secretsOf: (o) => [o.handle, o.pageSlug],
  tablesWithData: ['index_products', 'index_content'],
  routes: {
    'GET /api/v1/store/products': { kind: 'tenant', public: true },
    'GET /api/v1/store/products/{handle}': refusedRoute({ handle: (w) => ofB(w).handle }, 'INDEX_PRODUCT_NOT_FOUND', { public: true }),
    'GET /api/v1/store/content': { kind: 'tenant', public: true },
    'GET /api/v1/store/content/{kind}/{slug}': refusedRoute(
      { kind: () => 'page', slug: (w) => ofB(w).pageSlug },
      'INDEX_CONTENT_NOT_FOUND',
      { public: true },
    ),
    'POST /api/v1/index/rebuild': { kind: 'tenant', body: () => ({}), status: 202 },
    'GET /api/v1/index/status': { kind: 'tenant' },
  },
  graphql: {
    'Query.storeProducts': listsNothingOfB(
      '{ storeProducts(first: 100, facets: true) { items { id handle priceFrom { amount currencyCode } inStock } } }',
    ),
    'Query.storeProduct': async (w) => {
      const fields =
        'handle variants { id sku options prices { amount currencyCode } inStock availability } images { url width srcset { url width } } image { url }';
      const reply = await w.gql(w.a.admin, `query ($h: String!) { storeProduct(handle: $h) { ${fields} } }`, { h: ofB(w).handle });
      expect(errorCodes(reply), reply.text).toEqual(['INDEX_PRODUCT_NOT_FOUND']);
      const own = await w.gql(w.a.admin, `query ($h: String!) { storeProduct(handle: $h) { ${fields} } }`, {
        h: indexStoreArea.of(w.a).handle,
      });
      expect(own.errors, own.text).toBeUndefined();
      expect(own.text).toContain(commerceCatalogArea.of(w.a).variantId);
      expectNoSecretsOfB(w, own.text);
    },
    'Query.storeContent': listsNothingOfB('{ storeContent(first: 100) { items { slug } } }'),
    'Query.storeContentItem': async (w) => {
      const reply = await w.gql(w.a.admin, 'query ($s: String!) { storeContentItem(kind: "page", slug: $s) { slug } }', {
        s: ofB(w).pageSlug,
      });
      expect(errorCodes(reply), reply.text).toEqual(['INDEX_CONTENT_NOT_FOUND']);
    },
    'Query.indexStatus': async (w) => {
      const reply = await w.gql(w.a.admin, '{ indexStatus { products { published } content { published } rebuilds { kind } } }');
      expect(reply.errors, reply.text).toBeUndefined();
      // A's own rows, as row-level security shows them to a transaction of A.
      const published = (table: string) =>
        w.p.database.db.transaction(
          async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE status = 'published'`)).rows[0]?.n,
          { tenantId: w.a.tenant.id },
        );
      expect(reply.data?.indexStatus).toMatchObject({
        products: { published: await published('index_products') },
        content: { published: await published('index_content') },
      });
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.requestIndexRebuild': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation { requestIndexRebuild { eventId kinds } }');
      expect(reply.errors, reply.text).toBeUndefined();
      expectNoSecretsOfB(w, reply.text);
    },
  },
});
