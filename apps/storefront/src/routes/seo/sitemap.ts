import type { StoreContentPage, StoreProductPage } from '@rustok/index/contracts';
import type { ShopApi } from '../../api/client.js';
import type { SiteSettings } from '../../site.js';

/** An address of the site (without locale prefix) and when it last changed, where known. */
export interface SitemapEntry {
  readonly path: string;
  readonly lastmod?: string | null | undefined;
}

/** The sitemap protocol's limit of addresses in one file. */
const MAX_ENTRIES = 50_000;
const PAGE_SIZE = 100;

/** Where each content kind is shown. */
const CONTENT_PATHS: readonly (readonly [kind: string, base: string])[] = [
  ['post', '/blog'],
  ['topic', '/forum'],
  ['page', '/pages'],
];

/** Every item of a list route, page by page (limit 100, next cursor), up to the sitemap's limit. */
const collect = async <T extends StoreProductPage | StoreContentPage>(
  api: ShopApi,
  path: string,
  query: Readonly<Record<string, string | number>>,
  toEntry: (item: T['items'][number]) => SitemapEntry,
  room: number,
): Promise<SitemapEntry[]> => {
  const entries: SitemapEntry[] = [];
  let cursor: string | undefined;
  do {
    const result = await api.get<T>(path, { ...query, limit: PAGE_SIZE, cursor });
    if (!result.ok) break;
    for (const item of result.value.items) entries.push(toEntry(item));
    cursor = result.value.nextCursor ?? undefined;
  } while (cursor && entries.length < room);
  return entries.slice(0, room);
};

/** The site's public addresses: home, search, every published product, post, topic and page. */
export const sitemapEntries = async (api: ShopApi, site: Pick<SiteSettings, 'defaultLocale'>): Promise<SitemapEntry[]> => {
  const locale = site.defaultLocale;
  const entries: SitemapEntry[] = [{ path: '/' }, { path: '/search' }];
  const products = await collect<StoreProductPage>(
    api,
    '/store/products',
    { locale, sort: 'newest' },
    (item) => ({ path: `/products/${item.handle}`, lastmod: item.publishedAt }),
    MAX_ENTRIES - entries.length,
  );
  entries.push(...products);
  for (const [kind, base] of CONTENT_PATHS) {
    const items = await collect<StoreContentPage>(
      api,
      '/store/content',
      { kind, locale },
      (item) => ({ path: `${base}/${item.slug}`, lastmod: item.publishedAt }),
      MAX_ENTRIES - entries.length,
    );
    entries.push(...items);
  }
  return entries;
};

/** Text for XML: the five markup characters as entities. */
export const xmlEscape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** The address of a path in a locale: the default locale has no prefix. */
const localized = (origin: string, site: Pick<SiteSettings, 'defaultLocale'>, locale: string, path: string): string => {
  if (locale === site.defaultLocale) return `${origin}${path}`;
  return `${origin}/${locale}${path === '/' ? '' : path}`;
};

const urlElement = (origin: string, site: Pick<SiteSettings, 'defaultLocale' | 'supportedLocales'>, entry: SitemapEntry): string => {
  const lines = [`<url><loc>${xmlEscape(localized(origin, site, site.defaultLocale, entry.path))}</loc>`];
  if (entry.lastmod) lines.push(`<lastmod>${xmlEscape(entry.lastmod)}</lastmod>`);
  if (site.supportedLocales.length > 1) {
    for (const locale of site.supportedLocales) {
      const href = xmlEscape(localized(origin, site, locale, entry.path));
      lines.push(`<xhtml:link rel="alternate" hreflang="${xmlEscape(locale)}" href="${href}"/>`);
    }
    const fallback = xmlEscape(localized(origin, site, site.defaultLocale, entry.path));
    lines.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${fallback}"/>`);
  }
  lines.push('</url>');
  return lines.join('');
};

/** sitemap.xml of the entries, each with its alternates in the tenant's other locales. */
export const sitemapXml = (
  origin: string,
  site: Pick<SiteSettings, 'defaultLocale' | 'supportedLocales'>,
  entries: readonly SitemapEntry[],
): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.map((entry) => urlElement(origin, site, entry)),
    '</urlset>',
    '',
  ].join('\n');
