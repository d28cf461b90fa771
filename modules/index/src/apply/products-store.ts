import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, DELETED_VERSION } from './common.js';
import type { ProductRow } from './products-project.js';

const COLUMNS = `product_id, locale, text_locale, status, handle, title, subtitle, description, seo_title, seo_description,
  categories, tags, prices, min_prices, currencies, total_stock, has_stock, stock_version, published_at, source_version,
  event_occurred_at, search_vector, indexed_at`;

const UPDATES = [
  'text_locale',
  'status',
  'handle',
  'title',
  'subtitle',
  'description',
  'seo_title',
  'seo_description',
  'categories',
  'tags',
  'prices',
  'min_prices',
  'currencies',
  'total_stock',
  'has_stock',
  'stock_version',
  'published_at',
  'source_version',
  'event_occurred_at',
  'search_vector',
  'indexed_at',
]
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * Writes a published row unless the row holds a newer version: (version, stockVersion) only ever
 * grows, compared as a pair (a stock change keeps the version, a variant removal may lower the stock sum).
 */
const UPSERT_SQL = `
INSERT INTO index_products AS x (${COLUMNS})
VALUES ($1, $2, $3, 'published', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
  setweight(to_tsvector($21::regconfig, $5), 'A') || setweight(to_tsvector($21::regconfig, $22), 'B')
  || setweight(to_tsvector($21::regconfig, $23), 'C') || setweight(to_tsvector($21::regconfig, coalesce($7, '')), 'D'),
  clock_timestamp())
ON CONFLICT (tenant_id, product_id, locale) DO UPDATE SET ${UPDATES}
WHERE (x.source_version, x.stock_version) <= (EXCLUDED.source_version, EXCLUDED.stock_version)`;

export const upsertProductRow = async (tx: SqlRunner, row: ProductRow, meta: ApplyMeta): Promise<void> => {
  await tx.query(UPSERT_SQL, [
    row.productId,
    row.locale,
    row.textLocale,
    row.handle,
    row.title,
    row.subtitle,
    row.description,
    row.seoTitle,
    row.seoDescription,
    row.categories,
    row.tags,
    JSON.stringify(row.prices),
    JSON.stringify(row.minPrices),
    row.currencies,
    row.totalStock,
    row.hasStock,
    row.stockVersion,
    row.publishedAt,
    row.sourceVersion,
    meta.occurredAt,
    row.searchConfig,
    row.searchB,
    row.searchC,
  ]);
};

/**
 * Takes a product's rows out of the storefront (except the `keep` locales), leaving tombstones with
 * the version that removed them, unless a row holds a newer version.
 */
export const tombstoneProduct = async (
  tx: SqlRunner,
  productId: string,
  status: 'draft' | 'archived' | 'deleted',
  version: { source: number; stock: number },
  meta: ApplyMeta,
  keep: readonly string[] = [],
): Promise<void> => {
  await tx.query(
    `UPDATE index_products SET status = $2, source_version = $3, stock_version = $4, event_occurred_at = $5, indexed_at = clock_timestamp()
      WHERE product_id = $1 AND NOT (locale = ANY($6::text[])) AND (source_version, stock_version) <= ($3, $4)`,
    [productId, status, version.source, version.stock, meta.occurredAt, keep],
  );
};

/** A deleted product: every row becomes a tombstone no later write can overwrite. */
export const deleteProduct = (tx: SqlRunner, productId: string, meta: ApplyMeta): Promise<void> =>
  tombstoneProduct(tx, productId, 'deleted', { source: DELETED_VERSION, stock: DELETED_VERSION }, meta);
