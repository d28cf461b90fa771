import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import { drained, ok } from './helpers.js';
import { catalog, productBody } from './products-fixtures.js';

/** Postings that differ from a recomputation over the published rows (lexeme, impact): none when the triggers kept up. */
const DRIFT_SQL = `
WITH expected AS (
  SELECT p.locale, x.lexeme, p.product_id, x.impact FROM index_products p, index_postings_of(p.search_vector) x
   WHERE p.status = 'published'
), actual AS (SELECT locale, lexeme, product_id, impact FROM index_search_postings)
SELECT count(*)::int AS n FROM ((TABLE expected EXCEPT TABLE actual) UNION ALL (TABLE actual EXCEPT TABLE expected)) d`;

describeEachBackend('index: search postings', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let c: ReturnType<typeof catalog>;

  const inTenant = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> =>
    p.database.db.transaction(async (tx) => (await tx.query<T>(sql, values)).rows, { tenantId: tenant.id });
  const drift = async () => (await inTenant<{ n: number }>(DRIFT_SQL))[0]?.n;
  const postingsOf = async (productId: string) =>
    (await inTenant<{ n: number }>('SELECT count(*)::int AS n FROM index_search_postings WHERE product_id = $1', [productId]))[0]?.n;
  const ids = async (query: string) => (await c.store(query)).items.map((i) => i.id);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    tenant = await p.createTenant('index-postings');
    c = catalog(p, tenant.id, (await p.userWithToken(tenant.id, ['admin'])).headers);
  });
  afterAll(() => p?.close());

  it('ranks an exact word above a longer word it begins, and finds half-typed words', async () => {
    const longer = await c.create(productBody('Quokkaland tray'));
    const exact = await c.create(productBody('Quokka tray'));
    for (const product of [longer, exact]) await c.publish(product.id);
    await drained(p);
    expect(await ids('q=quokka')).toEqual([exact.id, longer.id]);
    expect(await ids('q=quok')).toEqual(expect.arrayContaining([exact.id, longer.id]));
    expect((await c.store('q=quok')).match).toBe('fulltext');
  });

  it('requires every word, and answers queries with operators as before', async () => {
    const both = await c.create(productBody('Numbat reading lamp'));
    const one = await c.create(productBody('Numbat pillow'));
    for (const product of [both, one]) await c.publish(product.id);
    await drained(p);
    expect(await ids('q=numbat%20lamp')).toEqual([both.id]);
    expect((await ids('q=numbat')).sort()).toEqual([both.id, one.id].sort());
    expect(await ids(`q=${encodeURIComponent('numbat -lamp')}`)).toEqual([one.id]);
    expect(await ids(`q=${encodeURIComponent('"numbat pillow"')}`)).toEqual([one.id]);
  });

  it('follows title edits and unpublishing, leaves them alone on stock changes, and never drifts from the rows', async () => {
    const product = await c.create(productBody('Bilby kettle', { stock: 3 }));
    await c.publish(product.id);
    await c.until('q=bilby', product.id);
    const before = await postingsOf(product.id);
    expect(before).toBeGreaterThan(0);
    await c.patch(product.id, { title: 'Dunnart kettle' });
    await c.until('q=dunnart', product.id);
    await c.until('q=bilby', product.id, false);
    const variantId = product.variants[0]?.id ?? '';
    await c.setStock(variantId, 9);
    await drained(p);
    expect(await drift()).toBe(0);
    await c.archive(product.id);
    await c.until('q=dunnart', product.id, false);
    expect(await postingsOf(product.id)).toBe(0);
    expect(await drift()).toBe(0);
  });

  it('rewrites only the postings a title edit changes: a word whose weight stays keeps its posting row', async () => {
    const product = await c.create(productBody('Wombat sofa', { description: 'Velvet cushions and oak legs' }));
    await c.publish(product.id);
    await c.until('q=wombat', product.id);
    /** Each posting of the product's en row with the transaction that wrote it. */
    const written = async () =>
      new Map(
        (
          await inTenant<{ lexeme: string; xmin: string }>(
            "SELECT lexeme, xmin::text AS xmin FROM index_search_postings WHERE product_id = $1 AND locale = 'en'",
            [product.id],
          )
        ).map((r) => [r.lexeme, r.xmin]),
      );
    const before = await written();
    expect(before.has('velvet')).toBe(true);
    await c.patch(product.id, { title: 'Quoll sofa' });
    await c.until('q=quoll', product.id);
    const after = await written();
    // Same number of title words, so the description's and "sofa"'s weights did not move.
    for (const kept of ['velvet', 'cushion', 'oak', 'leg', 'sofa']) expect(after.get(kept)).toBe(before.get(kept));
    expect(after.has('wombat')).toBe(false);
    expect(after.get('quoll')).not.toBe(undefined);
    expect(await drift()).toBe(0);
  });

  it('pages a query with many equal scores without repeats or gaps', async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const product = await c.create(productBody(`Potoroo cup ${i}`));
      await c.publish(product.id);
      made.push(product.id);
    }
    await drained(p);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof c.store>> = await c.store(`q=potoroo&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
    const stats = await ok<Record<string, unknown>>(c.call('GET', '/store/products?q=potoroo&limit=100', c.visitor));
    expect(stats.items).toHaveLength(7);
  });
});
