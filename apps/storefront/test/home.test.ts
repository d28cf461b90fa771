import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

describe('storefront frame and home page', () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(() => shop?.close());

  it('serves the default tenant on localhost: featured products and latest posts in the default locale', async () => {
    const response = await shop.page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('href="/products/classic-t-shirt"');
    expect(html).toContain('<link rel="alternate" hreflang="ru"');
  });

  it('serves a locale prefix in its language, and a 404 page for a locale the tenant does not have', async () => {
    const ru = await (await shop.page('/ru')).text();
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Избранные товары');
    const de = await shop.page('/de');
    expect(de.status).toBe(404);
    expect(de.headers.get('content-type')).toContain('text/html');
  });

  it('keeps the platform paths as they were: an unknown API address is a problem+json 404', async () => {
    const response = await shop.page('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a repeated request from the page cache with the same ETag, and 304 when the browser has it', async () => {
    const first = await shop.page('/');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await shop.page('/', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    // A 304's headers replace the kept page's: the shop's referrer policy must be on it too (else its forms post Origin: null).
    expect(again.headers.get('referrer-policy')).toBe('same-origin');
    expect(again.headers.get('cache-control')).toBe('public, no-cache');
  });
});
