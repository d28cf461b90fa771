import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

const HANDLE = 'ceramic-mug';
const PAGES = [`/products/${HANDLE}`, '/search', '/'];
const POLL_MS = 50;
const WITHIN_MS = 1_000;

/** Polls a page every 50 ms until its HTML holds the text; the ms it took, or undefined after the limit. */
const shownWithin = async (shop: ShopHarness, path: string, text: string, since: number): Promise<number | undefined> => {
  for (;;) {
    const html = await (await shop.page(path)).text();
    const elapsed = performance.now() - since;
    if (html.includes(text)) return Math.round(elapsed);
    if (elapsed > WITHIN_MS) return undefined;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

describe('page cache and catalog writes', () => {
  let shop: ShopHarness;
  let variantId: string;
  beforeAll(async () => {
    shop = await startShop();
    const product = await shop.api<{ variants: { id: string }[] }>('GET', `/store/products/${HANDLE}`);
    variantId = product.body.variants[0]?.id ?? '';
  });
  afterAll(() => shop?.close());

  it('shows a price changed through the API on the product page, the listing and the home page within 1 s', async () => {
    for (const path of PAGES) {
      const first = await shop.page(path);
      expect(first.status, path).toBe(200);
      expect(await first.text(), path).toContain('$12.00');
      // The second answer comes from the page cache: the purge, not a render per request, must bring the change.
      const etag = first.headers.get('etag') ?? '';
      expect((await shop.page(path, { headers: { 'if-none-match': etag } })).status, path).toBe(304);
    }
    const prices = [
      { amount: 1234, currencyCode: 'USD' },
      { amount: 1100, currencyCode: 'EUR' },
      { amount: 99_000, currencyCode: 'RUB' },
    ];
    const changed = await shop.api('PUT', `/commerce/variants/${variantId}/prices`, { prices });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const since = performance.now();
    const elapsed = await Promise.all(PAGES.map((path) => shownWithin(shop, path, '$12.34', since)));
    console.info(`new price shown after (ms): ${PAGES.map((path, i) => `${path} ${elapsed[i] ?? 'not within 1 s'}`).join(', ')}`);
    for (const [i, path] of PAGES.entries()) expect(elapsed[i], path).toBeDefined();
    for (const path of PAGES) expect(await (await shop.page(path)).text(), path).not.toContain('$12.00');
  });
});
