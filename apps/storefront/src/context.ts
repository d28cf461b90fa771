import type { ShopApi } from './api/client.js';
import type { SiteSettings } from './site.js';

/** A link of the site's navigation, in the page's locale. */
export interface NavLink {
  readonly label: string;
  readonly href: string;
  readonly children: readonly NavLink[];
}

/** The navigation every page shows (the tenant's `main` and `footer` menus). */
export interface SiteNav {
  readonly main: readonly NavLink[];
  readonly footer: readonly NavLink[];
  /** Cache tags of what the navigation was made from (`menu:main`, …). */
  readonly tags: readonly string[];
}

/** Everything a page's loader and view read about the request they serve. */
export interface PageContext {
  readonly nav: SiteNav;
  readonly site: SiteSettings;
  /** The page's locale: the path's prefix, or the tenant's default locale. */
  readonly locale: string;
  /** `/ru` for a non-default locale, '' for the default one. */
  readonly prefix: string;
  /** The currency prices are shown in (the shopper's choice, the locale's, the shop's). */
  readonly currency: string;
  /** The address without the locale prefix and query: `/products/red-shirt`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** `https://shop.example.com`: canonical and Open Graph addresses. */
  readonly origin: string;
  readonly api: ShopApi;
  readonly signedIn: boolean;
  /** A path of this site in the page's locale: `href('/cart')` → `/ru/cart`. */
  href(path: string): string;
}

/** The currency of a page: the shopper's cookie when the shop sells in it, then the locale's, then the shop's. */
export const currencyOf = (site: SiteSettings, locale: string, chosen: string | undefined): string => {
  const storefront = site.storefront;
  if (chosen && /^[A-Z]{3}$/.test(chosen)) return chosen;
  return storefront.localeCurrencies?.[locale] ?? storefront.localeCurrencies?.[locale.slice(0, 2)] ?? storefront.currency ?? 'USD';
};

/** The shop's name as its pages show it. */
export const shopNameOf = (site: SiteSettings): string => site.storefront.name ?? site.tenant.name;
