import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { toMinor } from './money.js';
import { iso } from './time.js';

/** A product's texts in one locale (the product's own texts are its default locale's). */
export interface ProductIndexText {
  readonly locale: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly description: string | null;
}

/** Base price range (no price list, quantity 1) of a product's variants in one currency. */
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
  readonly prices: readonly ProductPriceRange[];
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
  translations: ProductIndexText[] | null;
  prices: { currencyCode: string; min: unknown; max: unknown }[] | null;
  total_stock: unknown;
  has_stock: boolean | null;
  stock_version: unknown;
  [key: string]: unknown;
}

const SOURCE_SQL = `
SELECT p.id, p.handle, p.status, p.title, p.subtitle, p.description, p.seo_title, p.seo_description,
       p.categories, p.tags, p.version, p.published_at, p.created_at, p.updated_at,
       (SELECT json_agg(json_build_object('locale', t.locale, 'title', t.title, 'subtitle', t.subtitle,
                                          'description', t.description) ORDER BY t.locale)
          FROM commerce_product_translations t WHERE t.product_id = p.id) AS translations,
       (SELECT json_agg(json_build_object('currencyCode', x.currency_code, 'min', x.lo, 'max', x.hi) ORDER BY x.currency_code)
          FROM (SELECT pr.currency_code, min(pr.amount) AS lo, max(pr.amount) AS hi
                  FROM commerce_prices pr JOIN commerce_variants v ON v.id = pr.variant_id
                 WHERE v.product_id = p.id AND pr.price_list_id IS NULL AND pr.min_quantity = 1
                 GROUP BY pr.currency_code) x) AS prices,
       (SELECT coalesce(sum(greatest(i.available, 0)) FILTER (WHERE v.manage_inventory), 0)
          FROM commerce_variants v LEFT JOIN commerce_inventory i ON i.variant_id = v.id
         WHERE v.product_id = p.id) AS total_stock,
       (SELECT bool_or(NOT v.manage_inventory OR v.allow_backorder OR coalesce(i.available, 0) > 0)
          FROM commerce_variants v LEFT JOIN commerce_inventory i ON i.variant_id = v.id
         WHERE v.product_id = p.id) AS has_stock,
       (SELECT coalesce(sum(i.version), 0) FROM commerce_inventory i JOIN commerce_variants v ON v.id = i.variant_id
         WHERE v.product_id = p.id) AS stock_version
  FROM commerce_products p
 WHERE p.id = ANY ($1::uuid[])`;

/** Planned once per connection (PostgreSQL): the read models call it for every product event. */
const SOURCES = preparedSql('commerce_product_index_sources', SOURCE_SQL);

const toSource = (r: SourceRow, defaultLocale: string): ProductIndexSource => {
  // A translation in the default locale overrides the base texts, as the catalog's reads do.
  const base: ProductIndexText = { locale: defaultLocale, title: r.title, subtitle: r.subtitle, description: r.description };
  const own = (r.translations ?? []).find((t) => t.locale === defaultLocale) ?? base;
  const translated = (r.translations ?? []).filter((t) => t.locale !== defaultLocale);
  return {
    id: r.id,
    handle: r.handle,
    status: r.status,
    texts: [own, ...translated],
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    categories: r.categories,
    tags: r.tags,
    prices: (r.prices ?? []).map((p) => ({ currencyCode: p.currencyCode, min: toMinor(p.min), max: toMinor(p.max) })),
    totalStock: toMinor(r.total_stock),
    hasStock: r.has_stock ?? false,
    version: toMinor(r.version),
    stockVersion: toMinor(r.stock_version),
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
  return new Map(rows.map((r) => [r.id, toSource(r, defaultLocale)]));
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
