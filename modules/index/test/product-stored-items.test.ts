import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import { indexOptions } from '../src/options.js';
import { StoreProduct, type StoreProductSummary, StoreProductsQuery } from '../src/schemas.js';
import type { StoreContext } from '../src/search/context.js';
import { productText } from '../src/search/product.js';
import { listProductsText } from '../src/search/products.js';
import { drained } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

/** A list item built from a row's columns: what its stored text must equal. */
interface ProductRowOut {
  id: string;
  handle: string;
  locale: string;
  text_locale: string;
  title: string;
  subtitle: string | null;
  prices: StoreProductSummary['prices'];
  has_stock: boolean;
  total_stock: number | null;
  categories: string[];
  tags: string[];
  published_iso: string | null;
  images?: StoreProductSummary['image'][];
  [key: string]: unknown;
}

const toSummary = (r: ProductRowOut): StoreProductSummary => ({
  id: r.id,
  handle: r.handle,
  locale: r.locale,
  textLocale: r.text_locale,
  title: r.title,
  subtitle: r.subtitle,
  prices: r.prices,
  priceFrom: r.prices.map((p) => ({ amount: p.min, currencyCode: p.currencyCode })),
  inStock: r.has_stock,
  hasStock: r.has_stock,
  totalStock: r.total_stock,
  categories: r.categories,
  tags: r.tags,
  publishedAt: r.published_iso,
  ...(r.images?.[0] ? { image: r.images[0] } : {}),
});

describeEachBackend('index: product lists from stored items', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let c: ReturnType<typeof catalog>;
  let ctx: StoreContext;
  const query = (q: Record<string, unknown>) => Value.Default(StoreProductsQuery, q) as StoreProductsQuery;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-text');
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    const bodies = [
      productBody('Text lamp "quoted" \\ slash', { prices: [1500, 900], categories: ['lights'], tags: ['new'] }),
      productBody('Text desk', { stock: 0, categories: ['office'] }),
      productBody('Text chair ünïcode', { subtitle: 'Comfortable', tags: ['new', 'sale'] }),
      productBody('Text shelf', { prices: [4000] }),
      productBody('Text stool'),
    ];
    for (const body of bodies) await c.publish((await c.create(body)).id);
    await drained(p);
    const options = indexOptions(p.app.rustok.config);
    ctx = { db: p.database.db, tenantId: tenant.id, defaultLocale: 'en', search: options.search, index: options.index };
  });
  afterAll(() => p?.close());

  /** The items as built from the rows' columns (what the stored text must equal). */
  const fromColumns = async (ids: string[]) => {
    const { rows } = await p.database.db.transaction(
      (tx) =>
        tx.query<ProductRowOut>(
          `SELECT product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
                  to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso, images
             FROM index_products WHERE locale = 'en' AND product_id = ANY ($1::uuid[])`,
          [ids],
        ),
      { tenantId: tenant.id },
    );
    return ids.map((id) => toSummary(rows.find((r) => r.id === id) as ProductRowOut));
  };

  it('answers items equal to those built from the columns, page after page, for lists, filters, sorts and searches', async () => {
    const cases: Record<string, unknown>[] = [{}, { limit: 2 }, { category: 'lights' }, { tag: 'new' }, { inStock: false }];
    cases.push({ inStock: true, limit: 1 }, { q: 'text', limit: 2 }, { q: 'lamp' }, { q: 'lampe' }, { minPrice: 100, limit: 2 });
    cases.push({ sort: 'price_asc', limit: 3 });
    for (const q of cases) {
      let cursor: string | undefined;
      let pages = 0;
      let seen = 0;
      do {
        const wanted = query({ ...q, ...(cursor ? { cursor } : {}) });
        const page = JSON.parse(await listProductsText(ctx, wanted)) as { items: { id: string }[]; nextCursor: string | null };
        expect(page.items, JSON.stringify(wanted)).toEqual(await fromColumns(page.items.map((i) => i.id)));
        seen += page.items.length;
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(seen, JSON.stringify(q)).toBeGreaterThan(0);
    }
  });

  it('keeps publication times to the millisecond, and pages through items published in the same one', async () => {
    const inTenant = <T>(fn: (tx: Parameters<Parameters<typeof p.database.db.transaction>[0]>[0]) => Promise<T>) =>
      p.database.db.transaction(fn, { tenantId: tenant.id });
    const { rows } = await inTenant((tx) =>
      tx.query<{ micro: number }>(
        `UPDATE index_products SET published_at = '2026-01-02T03:04:05.678912Z' WHERE title LIKE 'Text%' AND locale = 'en'
         RETURNING extract(microseconds FROM published_at)::int % 1000 AS micro`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.micro === 0)).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = JSON.parse(await listProductsText(ctx, query({ limit: 1, ...(cursor ? { cursor } : {}) }))) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 20);
    expect(seen.length).toBe(rows.length);
    expect(new Set(seen).size).toBe(rows.length);
  });

  it('answers a product by handle equal to the one built from its columns, with nothing the schema leaves out', async () => {
    const { rows } = await p.database.db.transaction(
      (tx) =>
        tx.query<ProductRowOut & { handle: string; description: string | null; seo_title: string | null; seo_description: string | null }>(
          `SELECT product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
                  to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso,
                  description, seo_title, seo_description, currencies, variants, images
             FROM index_products WHERE locale = 'en' AND status = 'published'`,
        ),
      { tenantId: tenant.id },
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      const built = {
        ...toSummary(r),
        description: r.description,
        seoTitle: r.seo_title,
        seoDescription: r.seo_description,
        currencies: r.currencies,
        variants: r.variants,
        images: r.images,
      };
      const answered = JSON.parse(await productText(ctx, r.handle, 'en')) as StoreProduct;
      expect(answered).toEqual(built);
      expect(Value.Clean(StoreProduct, structuredClone(answered))).toEqual(answered);
    }
    await expect(productText(ctx, 'no-such-product', 'en')).rejects.toMatchObject({ code: 'INDEX_PRODUCT_NOT_FOUND' });
  });

  it('is what GET /store/products sends, as compact JSON, and a changed product shows in it at once', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/store/products?limit=3', headers: c.visitor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toBe(await listProductsText(ctx, query({ limit: 3 })));
    expect(res.body).not.toMatch(/" : |, \n/); // compact, as a serialiser writes it
    const first = (res.json() as { items: { id: string }[] }).items[0] as { id: string };
    await c.patch(first.id, { title: 'Text renamed' });
    await drained(p);
    const after = JSON.parse(await listProductsText(ctx, query({ limit: 3 }))) as { items: { id: string; title: string }[] };
    expect(after.items.find((i) => i.id === first.id)?.title).toBe('Text renamed');
  });
});
