import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, DELETED_VERSION } from './common.js';
import type { ProductRow } from './products-project.js';

const RECORD = `product_id uuid, source_version bigint, stock_version bigint, occurred_at timestamptz, locale text, text_locale text, handle text, title text, subtitle text, description text, seo_title text,
  seo_description text, categories text[], tags text[], prices jsonb, min_prices jsonb, currencies text[], total_stock int,
  has_stock boolean, variants jsonb, images jsonb, published_at timestamptz, search_config text, search_b text, search_c text, default_locale text`;

const COPIED = `text_locale, handle, title, subtitle, description, seo_title, seo_description, categories, tags, prices, min_prices,
  currencies, total_stock, has_stock, variants, images, published_at`;

const UPDATES = [
  'status',
  ...COPIED.split(','),
  'custom',
  'stock_version',
  'source_version',
  'event_occurred_at',
  'search_vector',
  'indexed_at',
]
  .map((c) => `${c.trim()} = EXCLUDED.${c.trim()}`)
  .join(', ');

/** Title A; tags, categories and subtitle B; SEO texts and searchable flex values C; description D. */
const vector = (cfg: string) =>
  `setweight(to_tsvector(${cfg}, r.title), 'A') || setweight(to_tsvector(${cfg}, r.search_b), 'B')
   || setweight(to_tsvector(${cfg}, r.search_c || ' ' || index_product_search_text_of(r.product_id, r.locale, r.default_locale)), 'C')
   || setweight(to_tsvector(${cfg}, coalesce(r.description, '')), 'D')`;

/**
 * All rows of several products in one statement: the published locales are upserted, each
 * product's other locales (when `$2`) become tombstones. A row is written only when it does not
 * hold a newer version: (version, stockVersion) compared as a pair (a stock change keeps the
 * version, removing a variant may lower the stock sum but raises the version). `custom` (public flex
 * values) is recomputed from index_product_custom for every row written.
 */
const WRITE_SQL = `
WITH r AS (SELECT * FROM json_to_recordset($1::json) AS r(${RECORD})),
up AS (
  INSERT INTO index_products AS x (product_id, locale, status, ${COPIED}, custom, stock_version, source_version, event_occurred_at, search_vector, indexed_at)
  SELECT r.product_id, r.locale, 'published', ${COPIED.split(',')
    .map((c) => `r.${c.trim()}`)
    .join(
      ', ',
    )}, index_product_custom_of(r.product_id, r.locale, r.default_locale), r.stock_version, r.source_version, r.occurred_at, ${vector('r.search_config::regconfig')}, clock_timestamp()
    FROM r
  ON CONFLICT (tenant_id, product_id, locale) DO UPDATE SET ${UPDATES}
  WHERE (x.source_version, x.stock_version) <= (EXCLUDED.source_version, EXCLUDED.stock_version)
  RETURNING 1
),
v AS (
  SELECT product_id, max(source_version) AS source_version, max(stock_version) AS stock_version, max(occurred_at) AS occurred_at,
         array_agg(locale) AS locales
    FROM r GROUP BY product_id
),
gone AS (
  UPDATE index_products AS x SET status = 'deleted', source_version = v.source_version, stock_version = v.stock_version,
         event_occurred_at = v.occurred_at, indexed_at = clock_timestamp()
    FROM v
   WHERE $2 AND x.product_id = v.product_id AND NOT (x.locale = ANY (v.locales))
     AND (x.source_version, x.stock_version) <= (v.source_version, v.stock_version)
  RETURNING 1
)
SELECT (SELECT count(*) FROM up)::int + (SELECT count(*) FROM gone)::int AS n`;

/** Planned once per connection (PostgreSQL). */
const WRITE_PREPARED = preparedSql('index_write_products', WRITE_SQL);

const recordOf = (row: ProductRow, meta: ApplyMeta, defaultLocale: string) => ({
  product_id: row.productId,
  source_version: row.sourceVersion,
  stock_version: row.stockVersion,
  occurred_at: meta.occurredAt,
  locale: row.locale,
  text_locale: row.textLocale,
  handle: row.handle,
  title: row.title,
  subtitle: row.subtitle,
  description: row.description,
  seo_title: row.seoTitle,
  seo_description: row.seoDescription,
  categories: row.categories,
  tags: row.tags,
  prices: row.prices,
  min_prices: row.minPrices,
  currencies: row.currencies,
  total_stock: row.totalStock,
  has_stock: row.hasStock,
  variants: row.variants,
  images: row.images,
  published_at: row.publishedAt,
  search_config: row.searchConfig,
  search_b: row.searchB,
  search_c: row.searchC,
  default_locale: defaultLocale,
});

/** A published product's rows, the event that caused them, and the tenant's default locale (of localized custom values). */
export interface ProductWrite {
  readonly rows: readonly ProductRow[];
  readonly meta: ApplyMeta;
  readonly defaultLocale: string;
}

/** Writes the rows of published products (one statement); `prune` retires each one's rows in locales not among them. */
export const writeProductRows = async (tx: SqlRunner, writes: readonly ProductWrite[], prune: boolean): Promise<void> => {
  const records = writes.flatMap((w) => w.rows.map((row) => recordOf(row, w.meta, w.defaultLocale)));
  if (records.length === 0) return;
  await tx.query(WRITE_PREPARED, [JSON.stringify(records), prune]);
};

/** Takes a product's rows out of the storefront as tombstones with the version that removed them (unless newer). */
export const tombstoneProduct = async (
  tx: SqlRunner,
  productId: string,
  status: 'draft' | 'archived' | 'deleted',
  version: { source: number; stock: number },
  meta: ApplyMeta,
): Promise<void> => {
  await tx.query(
    `UPDATE index_products SET status = $2, source_version = $3, stock_version = $4, event_occurred_at = $5, indexed_at = clock_timestamp()
      WHERE product_id = $1 AND (source_version, stock_version) <= ($3, $4)`,
    [productId, status, version.source, version.stock, meta.occurredAt],
  );
};

/** A deleted product: every row becomes a tombstone no later write can overwrite. */
export const deleteProduct = (tx: SqlRunner, productId: string, meta: ApplyMeta): Promise<void> =>
  tombstoneProduct(tx, productId, 'deleted', { source: DELETED_VERSION, stock: DELETED_VERSION }, meta);
