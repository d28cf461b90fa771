import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

describe('storefront pages under the shopper’s rate limit', () => {
  let shop: ShopHarness;
  let firstPage = '';
  beforeAll(async () => {
    shop = await startShop({
      storefront: { cache: false, assets: 'fresh' },
      overrides: { settings: { rustok: { rate_limit: { enabled: true, requests_per_minute: 6 } } } },
    });
  });
  afterAll(() => shop?.close());

  it('counts the API calls a page makes as the shopper’s, and answers 429 with Retry-After once they are spent', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const response = await shop.page('/');
      statuses.push(response.status);
      if (i === 0) firstPage = await response.text();
      if (response.status === 429) limited = response;
    }
    expect(statuses[0]).toBe(200);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.headers.get('content-type')).toContain('text/html');
  });

  it('does not count the pages’ own files: the stylesheet is served however many pages were asked for', async () => {
    const css = /href="(\/assets\/storefront-\w+\.css)"/.exec(firstPage)?.[1] ?? '/assets/none.css';
    const answers = await Promise.all(Array.from({ length: 10 }, () => shop.page(css)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  });
});
