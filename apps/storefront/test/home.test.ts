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

/** The storefront's page answers by how, read from /metrics. */
const answersOf = async (shop: ShopHarness): Promise<Record<string, number>> => {
  const text = await (await shop.page('/metrics')).text();
  return Object.fromEntries(
    [...text.matchAll(/^rustok_storefront_page_answers\{answer="(\w+)"\} (\d+)$/gm)].map((m) => [m[1] ?? '', Number(m[2])]),
  );
};

describe('cached pages answered before the request hooks', () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(() => shop?.close());

  const SAME = [
    'content-security-policy',
    'strict-transport-security',
    'x-content-type-options',
    'x-frame-options',
    'cross-origin-opener-policy',
    'referrer-policy',
    'content-type',
    'cache-control',
    'vary',
    'etag',
  ];

  it('carries the same headers as the rendered answer and a request id of its own (counted as early in /metrics)', async () => {
    const before = await answersOf(shop);
    const rendered = await shop.page('/search?sort=newest');
    const html = await rendered.text();
    const early = await shop.page('/search?sort=newest');
    expect(await early.text()).toBe(html);
    for (const name of SAME) expect(early.headers.get(name), name).toBe(rendered.headers.get(name));
    expect(early.headers.get('referrer-policy')).toBe('same-origin');
    expect(early.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(early.headers.get('x-request-id')).not.toBe(rendered.headers.get('x-request-id'));
    expect(early.headers.get('x-correlation-id')).toBe(early.headers.get('x-request-id'));
    const after = await answersOf(shop);
    expect((after.rendered ?? 0) - (before.rendered ?? 0)).toBe(1);
    expect((after.early ?? 0) - (before.early ?? 0)).toBe(1);
  });

  it('leaves a signed-in shopper’s and a cross-origin request to the usual way', async () => {
    await shop.page('/search?sort=price_asc');
    const before = await answersOf(shop);
    await shop.page('/search?sort=price_asc', { cookie: 'rk_session=not-a-token' });
    await shop.page('/search?sort=price_asc', { headers: { origin: 'https://elsewhere.example' } });
    const after = await answersOf(shop);
    expect((after.early ?? 0) - (before.early ?? 0)).toBe(0);
  });
});
