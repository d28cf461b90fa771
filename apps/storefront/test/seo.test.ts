import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { createPublishedProduct, createSecondTenant, pageAt, type SecondTenant } from './second-tenant.js';

const DEMO_HANDLES = ['classic-t-shirt'];

/** The `<loc>` addresses of a sitemap, after checking it is well-formed XML of the sitemap namespace. */
const locsOf = (xml: string): string[] => {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
  // Well-formed: every element closes in order, no stray markup characters in text.
  const stack: string[] = [];
  for (const match of xml.replace(/^<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>|[<>]/g)) {
    if (!match[2]) throw new Error(`stray markup character at ${match.index}`);
    if (match[3]) continue;
    if (match[1]) expect(stack.pop()).toBe(match[2]);
    else stack.push(match[2]);
  }
  expect(stack).toEqual([]);
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
};

describe('robots.txt and sitemap.xml per tenant', () => {
  let shop: ShopHarness;
  let second: SecondTenant;
  beforeAll(async () => {
    shop = await startShop();
    second = await createSecondTenant(shop, 'seo-b', 'seo-b.test');
    await createPublishedProduct(shop, second.headers, { title: 'Tenant B lamp', handle: 'tenant-b-lamp', usd: 4200 });
    for (const [slug, publish] of [
      ['about-us', true],
      ['draft-page', false],
    ] as const) {
      const page = await shop.api<{ id: string }>('POST', '/pages', { title: `Page ${slug}`, slug, blocks: [] });
      expect(page.status).toBe(201);
      if (publish) expect((await shop.api('POST', `/pages/${page.body.id}/publish`)).status).toBe(200);
    }
    await shop.settle();
  });
  afterAll(() => shop?.close());

  it('robots.txt allows crawling but the shopper pages (in every locale) and names the absolute sitemap', async () => {
    const response = await shop.page('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    const origin = shop.server.address;
    expect(text).toContain('User-agent: *\nAllow: /\n');
    for (const path of ['/cart', '/checkout', '/account', '/orders', '/ru/cart', '/ru/checkout'])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).not.toMatch(/^Disallow: \/$/m);
    expect(text).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  it("sitemap.xml lists home, search and the demo products, each with hreflang alternates in the tenant's locales", async () => {
    const response = await shop.page('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const origin = shop.server.address;
    const locs = locsOf(xml);
    expect(locs).toContain(`${origin}/`);
    expect(locs).toContain(`${origin}/search`);
    for (const handle of DEMO_HANDLES) {
      expect(locs).toContain(`${origin}/products/${handle}`);
      expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="ru" href="${origin}/ru/products/${handle}"/>`);
      expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${origin}/products/${handle}"/>`);
    }
    expect(locs.some((loc) => loc.startsWith(`${origin}/blog/`))).toBe(true);
    expect(locs).toContain(`${origin}/pages/about-us`);
    expect(locs).not.toContain(`${origin}/pages/draft-page`);
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[^<]+<\/lastmod>/);
    expect(locs).not.toContain(`${origin}/products/tenant-b-lamp`);
  });

  it("another tenant's sitemap, on its own host, lists its product and none of the default tenant's", async () => {
    const response = await pageAt(shop, '/sitemap.xml', second.host);
    expect(response.status).toBe(200);
    const locs = locsOf(response.text);
    expect(locs).toContain('http://seo-b.test/products/tenant-b-lamp');
    for (const handle of DEMO_HANDLES) expect(locs.some((loc) => loc.endsWith(`/products/${handle}`))).toBe(false);
    const robots = (await pageAt(shop, '/robots.txt', second.host)).text;
    expect(robots).toContain('Sitemap: http://seo-b.test/sitemap.xml');
  });

  it('is kept in the page cache (same ETag, 304) and shows a new product after the index purges it', async () => {
    const first = await shop.page('/sitemap.xml');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await shop.page('/sitemap.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const made = await shop.api('POST', '/commerce/products', {
      title: 'Sitemap <newcomer>',
      handle: 'sitemap-newcomer',
      status: 'published',
    });
    expect(made.status).toBe(201);
    await shop.settle();
    const after = await shop.page('/sitemap.xml');
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(locsOf(await after.text())).toContain(`${shop.server.address}/products/sitemap-newcomer`);
  });
});
