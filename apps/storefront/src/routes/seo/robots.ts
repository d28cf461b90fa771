import type { SiteSettings } from '../../site.js';

/** Addresses of one shopper (cart, checkout, account, orders): never worth indexing. */
export const PRIVATE_PATHS = ['/cart', '/checkout', '/account', '/orders'] as const;

/** robots.txt: everything may be crawled but the shopper's own pages (in every locale); the sitemap named. */
export const robotsText = (origin: string, site: Pick<SiteSettings, 'defaultLocale' | 'supportedLocales'>): string => {
  const prefixes = ['', ...site.supportedLocales.filter((locale) => locale !== site.defaultLocale).map((locale) => `/${locale}`)];
  const lines = ['User-agent: *', 'Allow: /'];
  for (const prefix of prefixes) for (const path of PRIVATE_PATHS) lines.push(`Disallow: ${prefix}${path}`);
  lines.push('', `Sitemap: ${origin}/sitemap.xml`, '');
  return lines.join('\n');
};
