import type { ProductIndexImage, ProductIndexSource, StockDisplay } from '@rustok/commerce/contracts';
import { searchConfigOf } from '../text.js';
import { pickText, rowLocales, type TenantLocales } from './common.js';
import { projectVariants, type VariantOut } from './products-variants.js';

/** What the rows of a tenant's products depend on besides the product: its locales and how it shows stock. */
export interface ProductSettings extends TenantLocales {
  readonly stock: StockDisplay;
}

/** One row of index_products as the write model says it should be. */
export interface ProductRow {
  readonly productId: string;
  readonly locale: string;
  readonly textLocale: string;
  readonly handle: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly description: string | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly prices: readonly { currencyCode: string; min: number; max: number }[];
  readonly minPrices: Readonly<Record<string, number>>;
  readonly currencies: readonly string[];
  /** Null when the tenant hides stock counts. */
  readonly totalStock: number | null;
  readonly hasStock: boolean;
  readonly variants: readonly VariantOut[];
  readonly images: readonly ProductIndexImage[];
  readonly sourceVersion: number;
  readonly stockVersion: number;
  readonly publishedAt: string | null;
  /** Text search configuration (from `locale`) and the weighted parts of the search vector. */
  readonly searchConfig: string;
  readonly searchB: string;
  readonly searchC: string;
}

/** The rows of a published product, one per locale the tenant shows (texts fall back to the default locale). */
export const projectProduct = (source: ProductIndexSource, locales: ProductSettings): ProductRow[] => {
  const prices = [...source.prices].sort((a, b) => a.currencyCode.localeCompare(b.currencyCode));
  const base = {
    productId: source.id,
    handle: source.handle,
    seoTitle: source.seoTitle,
    seoDescription: source.seoDescription,
    categories: [...source.categories],
    tags: [...source.tags],
    prices: prices.map((p) => ({ currencyCode: p.currencyCode, min: p.min, max: p.max })),
    minPrices: Object.fromEntries(prices.map((p) => [p.currencyCode, p.min])),
    currencies: prices.map((p) => p.currencyCode),
    totalStock: locales.stock.exposeStock ? source.totalStock : null,
    hasStock: source.hasStock,
    images: source.images.map((i) =>
      i.srcset ? { url: i.url, alt: i.alt, width: i.width, height: i.height, srcset: i.srcset } : { url: i.url, alt: i.alt },
    ),
    sourceVersion: source.version,
    stockVersion: source.stockVersion,
    publishedAt: source.publishedAt ?? source.updatedAt,
  };
  const out: ProductRow[] = [];
  for (const locale of rowLocales(
    locales.supportedLocales,
    source.texts.map((t) => t.locale),
  )) {
    const text = pickText(source.texts, locale, locales.defaultLocale);
    if (!text) continue;
    out.push({
      ...base,
      locale,
      textLocale: text.locale,
      title: text.title,
      variants: projectVariants(source.variants, locale, locales.defaultLocale, locales.stock),
      subtitle: text.subtitle,
      description: text.description,
      searchConfig: searchConfigOf(locale),
      searchB: [...source.tags, ...source.categories, text.subtitle ?? ''].join(' '),
      searchC: [source.seoTitle ?? '', source.seoDescription ?? ''].join(' '),
    });
  }
  return out;
};
