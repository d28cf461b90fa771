import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { indexImagesOf, type ProductIndexImage, type StoredImage } from './index-images.js';
import { type ProductIndexVariant, priceRanges, type RawVariant, stockOf, toVariant, VARIANTS_SQL } from './index-variants.js';
import { toMinor } from './money.js';
import { iso } from './time.js';

/** A product's texts in one locale (the product's own texts are its default locale's). */
export interface ProductIndexText {
  readonly locale: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly description: string | null;
}

/**
 * Price range of a product's variants in one currency: the lowest and highest of their prices for one
 * unit as an anonymous shopper gets them now (base price, or a running sale list's when lower).
 */
export interface ProductPriceRange {
  readonly currencyCode: string;
  readonly min: number;
  readonly max: number;
}

/**
 * Everything a read model needs to show one product, read from the write model in one go.
 * `version` grows with every change of the product, its variants, translations or prices;
 * `stockVersion` grows with every stock change of its variants.
 */
export interface ProductIndexSource {
  readonly id: string;
  readonly handle: string;
  readonly status: 'draft' | 'published' | 'archived';
  readonly texts: readonly ProductIndexText[];
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly images: readonly ProductIndexImage[];
  readonly prices: readonly ProductPriceRange[];
  /**
   * The variants in catalog order, each with its prices for one unit as the price resolver gives them
   * to an anonymous shopper at the moment of the read (see `resolvedPrices`), and its raw stock.
   */
  readonly variants: readonly ProductIndexVariant[];
  /** Sum of available stock over variants that manage inventory. */
  readonly totalStock: number;
  /** Some variant can be bought now: in stock, backorderable, or not managing inventory. */
  readonly hasStock: boolean;
  readonly version: number;
  readonly stockVersion: number;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface SourceRow {
  id: string;
  handle: string;
  status: ProductIndexSource['status'];
  title: string;
  subtitle: string | null;
  description: string | null;
  seo_title: string | null;
  seo_description: string | null;
  categories: string[];
  tags: string[];
  version: unknown;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  images: StoredImage[] | null;
  translations: ProductIndexText[] | null;
  variants: RawVariant[] | null;
  [key: string]: unknown;
}

const SOURCE_SQL = `
SELECT p.id, p.handle, p.status, p.title, p.subtitle, p.description, p.seo_title, p.seo_description,
       p.categories, p.tags, p.images, p.version, p.published_at, p.created_at, p.updated_at,
       (SELECT json_agg(json_build_object('locale', t.locale, 'title', t.title, 'subtitle', t.subtitle,
                                          'description', t.description) ORDER BY t.locale)
          FROM commerce_product_translations t WHERE t.product_id = p.id) AS translations,
       ${VARIANTS_SQL}
  FROM commerce_products p
 WHERE p.id = ANY ($1::uuid[])`;

/** Planned once per connection (PostgreSQL): the read models call it for every product event. */
const SOURCES = preparedSql('commerce_product_index_sources', SOURCE_SQL);

const toSource = (r: SourceRow, defaultLocale: string, at: Date, images: ProductIndexImage[]): ProductIndexSource => {
  // A translation in the default locale overrides the base texts, as the catalog's reads do.
  const base: ProductIndexText = { locale: defaultLocale, title: r.title, subtitle: r.subtitle, description: r.description };
  const own = (r.translations ?? []).find((t) => t.locale === defaultLocale) ?? base;
  const translated = (r.translations ?? []).filter((t) => t.locale !== defaultLocale);
  const variants = (r.variants ?? []).map((v) => toVariant(v, at));
  return {
    id: r.id,
    handle: r.handle,
    status: r.status,
    texts: [own, ...translated],
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    categories: r.categories,
    tags: r.tags,
    images,
    prices: priceRanges(variants),
    variants,
    ...stockOf(r.variants ?? [], variants),
    version: toMinor(r.version),
    publishedAt: r.published_at === null ? null : iso(r.published_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
};

/**
 * The index sources of several products in one statement, by id; a product that does not exist
 * (deleted, or another tenant's) is absent. Run inside a transaction of the products' tenant; the
 * default locale is the caller's to name.
 */
export const loadProductIndexSources = async (
  tx: SqlRunner,
  productIds: readonly string[],
  defaultLocale: string,
): Promise<Map<string, ProductIndexSource>> => {
  if (productIds.length === 0) return new Map();
  const { rows } = await tx.query<SourceRow>(SOURCES, [productIds]);
  const at = new Date();
  const images = await indexImagesOf(
    tx,
    rows.map((r) => r.images ?? []),
  );
  return new Map(rows.map((r, i) => [r.id, toSource(r, defaultLocale, at, images[i] ?? [])]));
};

/** The index source of one product, or null when it does not exist (see loadProductIndexSources). */
export const loadProductIndexSource = async (tx: SqlRunner, productId: string, defaultLocale: string): Promise<ProductIndexSource | null> =>
  (await loadProductIndexSources(tx, [productId], defaultLocale)).get(productId) ?? null;

/**
 * The tenant's product ids after `after` in id order, `limit` at a time (read models walk the
 * whole catalog with it when they rebuild).
 */
export const listProductIdsForIndex = async (tx: SqlRunner, after: string | null, limit: number): Promise<string[]> => {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM commerce_products WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2',
    [after, limit],
  );
  return rows.map((r) => r.id);
};

/** How many products the tenant has (read models show it as the progress of a rebuild). */
export const countProductsForIndex = async (tx: SqlRunner): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM commerce_products');
  return rows[0]?.n ?? 0;
};

/**
 * Whether this deployment holds the catalog at all: commerce is optional, and a deployment without it
 * has none of its tables. Read models ask this before reading products.
 */
export const catalogInstalled = async (tx: SqlRunner): Promise<boolean> => {
  const { rows } = await tx.query<{ present: boolean }>("SELECT to_regclass('commerce_products') IS NOT NULL AS present");
  return rows[0]?.present === true;
};
