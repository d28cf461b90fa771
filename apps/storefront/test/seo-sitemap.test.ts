import { describe, expect, it } from 'vitest';
import type { ApiResult, ShopApi } from '../src/api/client.js';
import { robotsText } from '../src/routes/seo/robots.js';
import { sitemapEntries, sitemapXml, xmlEscape } from '../src/routes/seo/sitemap.js';

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** An API answering list routes from arrays, `limit` at a time with a numeric cursor; every call recorded. */
const listApi = (lists: Record<string, readonly Record<string, unknown>[]>) => {
  const calls: { path: string; query: Query }[] = [];
  const api: ShopApi = {
    async get<T>(path: string, query: Query = {}): Promise<ApiResult<T>> {
      calls.push({ path, query });
      const items = lists[`${path}?${query.kind ?? ''}`] ?? [];
      const from = Number(query.cursor ?? 0);
      const limit = Number(query.limit);
      const next = from + limit < items.length ? String(from + limit) : null;
      return { ok: true, status: 200, value: { items: items.slice(from, from + limit), nextCursor: next, match: 'all' } as T };
    },
    send: async () => {
      throw new Error('the sitemap only reads');
    },
  };
  return { api, calls };
};

const products = Array.from({ length: 250 }, (_, i) => ({ handle: `p-${i}`, publishedAt: '2026-12-01T00:00:00.000Z' }));

describe('sitemap entries and XML', () => {
  it('pages through every list with limit 100 and the cursor, in the default locale', async () => {
    const { api, calls } = listApi({
      '/store/products?': products,
      '/store/content?post': [{ slug: 'hello', publishedAt: null }],
      '/store/content?topic': [{ slug: 'a-question', publishedAt: '2026-12-02T10:00:00.000Z' }],
      '/store/content?page': [{ slug: 'about', publishedAt: null }],
    });
    const entries = await sitemapEntries(api, { defaultLocale: 'en' });
    expect(entries).toHaveLength(2 + 250 + 3);
    expect(entries.slice(0, 3)).toEqual([
      { path: '/' },
      { path: '/search' },
      { path: '/products/p-0', lastmod: '2026-12-01T00:00:00.000Z' },
    ]);
    expect(entries.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/products/p-249', '/blog/hello', '/forum/a-question', '/pages/about']),
    );
    const productCalls = calls.filter((c) => c.path === '/store/products');
    expect(productCalls.map((c) => c.query.cursor)).toEqual([undefined, '100', '200']);
    expect(productCalls.every((c) => c.query.limit === 100 && c.query.locale === 'en')).toBe(true);
  });

  it('writes each address with its alternates per locale (x-default too) and escapes what it writes', () => {
    const xml = sitemapXml('https://shop.example.com', { defaultLocale: 'en', supportedLocales: ['en', 'ru'] }, [
      { path: '/' },
      { path: '/search?q=a&b', lastmod: '2026-12-01T00:00:00.000Z' },
    ]);
    expect(xml).toContain('<url><loc>https://shop.example.com/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="ru" href="https://shop.example.com/ru"/>');
    expect(xml).toContain('<loc>https://shop.example.com/search?q=a&amp;b</loc><lastmod>2026-12-01T00:00:00.000Z</lastmod>');
    expect(xml).toContain('hreflang="ru" href="https://shop.example.com/ru/search?q=a&amp;b"');
    expect(xml).toContain('hreflang="x-default" href="https://shop.example.com/search?q=a&amp;b"');
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('leaves alternates out for a shop with one locale', () => {
    const xml = sitemapXml('http://a.test', { defaultLocale: 'en', supportedLocales: ['en'] }, [{ path: '/search' }]);
    expect(xml).not.toContain('xhtml:link');
    expect(robotsText('http://a.test', { defaultLocale: 'en', supportedLocales: ['en'] })).toBe(
      'User-agent: *\nAllow: /\nDisallow: /cart\nDisallow: /checkout\nDisallow: /account\nDisallow: /orders\n\nSitemap: http://a.test/sitemap.xml\n',
    );
  });
});
