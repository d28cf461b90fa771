import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';
import { customPlansSql, customSearchSql, customSql } from './migrations-custom.js';
import { summaryImageSql } from './migrations-images.js';
import { localeKeysSql } from './migrations-locale-keys.js';
import { pagesSql } from './migrations-pages.js';
import { searchPostingsSql } from './migrations-postings.js';
import { postingsDiffSql } from './migrations-postings-diff.js';
import { dropUnusedFunctionsSql, rankSql, searchPageSql, tenantContentKeysSql, tenantSearchKeysSql } from './migrations-search.js';
import { compactSummariesSql, millisecondTimesSql, summariesSql } from './migrations-summaries.js';
import { RESTORE_TENANT as RESTORE, SET_TENANT } from './migrations-tenant-sql.js';
import { variantsSql } from './migrations-variants.js';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;
const LOCALE = `locale text NOT NULL CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$')`;
/** Bookkeeping every read-model row carries: the write-model version it shows and when it was written. */
const BOOKKEEPING = `search_vector tsvector NOT NULL,
  published_at timestamptz,
  source_version bigint NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  event_occurred_at timestamptz`;

/**
 * One row per item and locale of the tenant (the text falls back to the default locale when the item
 * has no translation, `text_locale` says which text it is). Rows that left the storefront stay as
 * tombstones (`status` other than published) so that an older version can never come back; every
 * storefront index is partial on `status = 'published'`.
 */
const tables = `
CREATE TABLE index_products (
  ${TENANT},
  product_id uuid NOT NULL,
  ${LOCALE},
  text_locale text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published', 'archived', 'deleted')),
  handle text NOT NULL,
  title text NOT NULL,
  subtitle text,
  description text,
  seo_title text,
  seo_description text,
  categories text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  prices jsonb NOT NULL DEFAULT '[]',
  min_prices jsonb NOT NULL DEFAULT '{}',
  currencies text[] NOT NULL DEFAULT '{}',
  total_stock integer NOT NULL DEFAULT 0,
  has_stock boolean NOT NULL DEFAULT false,
  stock_version bigint NOT NULL DEFAULT 0,
  ${BOOKKEEPING},
  PRIMARY KEY (tenant_id, product_id, locale)
);
CREATE INDEX index_products_newest ON index_products (tenant_id, locale, published_at DESC, product_id DESC)
  INCLUDE (handle, title, subtitle, prices, has_stock, total_stock) WHERE status = 'published';
CREATE INDEX index_products_handle ON index_products (tenant_id, locale, handle) WHERE status = 'published';
CREATE INDEX index_products_search ON index_products USING gin (search_vector) WHERE status = 'published';
CREATE TABLE index_content (
  ${TENANT},
  node_id uuid NOT NULL,
  ${LOCALE},
  text_locale text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'archived', 'deleted')),
  kind text NOT NULL,
  title text NOT NULL,
  slug text NOT NULL,
  excerpt text,
  body_preview text NOT NULL DEFAULT '',
  body_html text NOT NULL DEFAULT '',
  author_id uuid,
  author_name text,
  category_id uuid,
  category_name text,
  category_slug text,
  tags text[] NOT NULL DEFAULT '{}',
  tag_names text[] NOT NULL DEFAULT '{}',
  parent_id uuid,
  reply_count integer NOT NULL DEFAULT 0,
  seo_title text,
  seo_description text,
  ${BOOKKEEPING},
  PRIMARY KEY (tenant_id, node_id, locale)
);
CREATE INDEX index_content_newest ON index_content (tenant_id, locale, kind, published_at DESC, node_id DESC)
  INCLUDE (title, slug, excerpt, author_name, reply_count) WHERE status = 'published';
CREATE INDEX index_content_all_newest ON index_content (tenant_id, locale, published_at DESC, node_id DESC) WHERE status = 'published';
CREATE INDEX index_content_slug ON index_content (tenant_id, kind, locale, slug) WHERE status = 'published';
CREATE INDEX index_content_search ON index_content USING gin (search_vector) WHERE status = 'published';
CREATE INDEX index_content_parent ON index_content (tenant_id, parent_id);
CREATE INDEX index_content_category ON index_content (tenant_id, category_id);
CREATE TABLE index_rebuild_runs (
  ${TENANT},
  kind text NOT NULL CHECK (kind IN ('products', 'content')),
  locale text NOT NULL DEFAULT '',
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  after_id uuid,
  processed integer NOT NULL DEFAULT 0,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, kind, locale)
);
${tenantRlsSql('index_products')}
${tenantRlsSql('index_content')}
${tenantRlsSql('index_rebuild_runs')}`;

/**
 * Trigram matching for typos, when the server has pg_trgm (PostgreSQL contrib; the embedded database
 * loads it). Created by the migration owner; without it the search degrades to loose prefixes.
 */
const trigram = `
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm could not be created (%): typo search falls back to loose prefixes', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX index_products_title_trgm ON index_products USING gin (title gin_trgm_ops) WHERE status = ''published''';
    EXECUTE 'CREATE INDEX index_content_title_trgm ON index_content USING gin (title gin_trgm_ops) WHERE status = ''published''';
  END IF;
END
$$;`;

/**
 * Row counts of both tables over every tenant, for /metrics: the function runs as its owner (the
 * migration role), so the count is not limited to one tenant; it returns nothing but two numbers.
 */
const counts = `
CREATE FUNCTION index_row_counts() RETURNS TABLE (table_name text, row_count bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT 'index_products'::text, count(*) FROM public.index_products WHERE status = 'published'
  UNION ALL
  SELECT 'index_content'::text, count(*) FROM public.index_content WHERE status = 'published'
$$;
CREATE TABLE index_schedule_runs (
  slot timestamptz PRIMARY KEY,
  claimed_at timestamptz NOT NULL DEFAULT now()
);`;

/**
 * One round trip per storefront read: each function sets the tenant for its own statement only (row-
 * level security applies: they run as their caller), runs the statement and puts the previous tenant
 * setting back. `index_read` runs a statement the index module built (values passed apart, as one
 * text array) and returns its rows as a JSON array; the two lookups are static, so their plans are
 * cached per connection.
 */
const ISO = `to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso`;
const reads = `
CREATE FUNCTION index_read(tenant uuid, query text, args text[], trgm_threshold real DEFAULT NULL) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ${SET_TENANT}
  IF trgm_threshold IS NOT NULL THEN
    PERFORM set_config('pg_trgm.word_similarity_threshold', trgm_threshold::text, true);
  END IF;
  EXECUTE format('SELECT coalesce(json_agg(x), ''[]''::json) FROM (%s) x', query) INTO result USING args;
  ${RESTORE}
$$;
CREATE FUNCTION index_product_by_handle(tenant uuid, loc text, wanted text) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ${SET_TENANT}
  SELECT to_json(x) INTO result FROM (
    SELECT product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
           ${ISO}, description, seo_title, seo_description, currencies
      FROM index_products
     WHERE tenant_id = tenant AND locale = loc AND handle = wanted AND status = 'published'
     ORDER BY published_at DESC LIMIT 1) x;
  ${RESTORE}
$$;
CREATE FUNCTION index_content_by_slug(tenant uuid, wanted_kind text, loc text, wanted text) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ${SET_TENANT}
  SELECT to_json(x) INTO result FROM (
    SELECT node_id AS id, kind, locale, text_locale, title, slug, excerpt, body_preview, author_name, category_name,
           category_slug, tags, parent_id, reply_count, ${ISO}, body_html, tag_names, seo_title, seo_description
      FROM index_content
     WHERE tenant_id = tenant AND kind = wanted_kind AND locale = loc AND slug = wanted AND status = 'published'
     ORDER BY published_at DESC LIMIT 1) x;
  ${RESTORE}
$$;`;

/**
 * Candidates of a text search through the GIN indexes (index_top_products: the best `lim` of them
 * with their rank, for the first page of a plain search). Row-level security keeps non-leakproof
 * operators such as @@ and <% from being index conditions (they must run after the policy), which
 * would make every search read all of a tenant's rows. These functions run as their owner, but only
 * ever over the rows of the tenant set for the statement (app.tenant_id), and return ids only; the
 * caller reads the rows under row-level security.
 */
const DEFINER = `LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public`;
const TENANT_SQL = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
const matches = `
CREATE FUNCTION index_match_products(loc text, q tsquery) RETURNS SETOF uuid ${DEFINER} AS $$
  SELECT product_id FROM public.index_products WHERE ${TENANT_SQL} AND locale = loc AND status = 'published' AND search_vector @@ q
$$;
CREATE FUNCTION index_match_content(loc text, q tsquery) RETURNS SETOF uuid ${DEFINER} AS $$
  SELECT node_id FROM public.index_content WHERE ${TENANT_SQL} AND locale = loc AND status = 'published' AND search_vector @@ q
$$;
CREATE FUNCTION index_top_products(loc text, q tsquery, lim int) RETURNS TABLE (match_id uuid, match_rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  RETURN QUERY SELECT p.product_id, ts_rank_cd(p.search_vector, q, 1) FROM public.index_products p
    WHERE p.${TENANT_SQL} AND p.locale = loc AND p.status = 'published' AND p.search_vector @@ q
    ORDER BY 2 DESC, 1 DESC LIMIT lim;
END
$$;
DO $do$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE $f$CREATE FUNCTION index_similar_products(loc text, q text) RETURNS SETOF uuid ${DEFINER} AS $b$
      SELECT product_id FROM public.index_products WHERE ${TENANT_SQL} AND locale = loc AND status = 'published' AND q <% title
    $b$$f$;
    EXECUTE $f$CREATE FUNCTION index_similar_content(loc text, q text) RETURNS SETOF uuid ${DEFINER} AS $b$
      SELECT node_id FROM public.index_content WHERE ${TENANT_SQL} AND locale = loc AND status = 'published' AND q <% title
    $b$$f$;
  END IF;
END
$do$;`;

/**
 * The planner takes a function's result for 1,000 rows unless told otherwise: the first page of a
 * search joined its top matches to all of a tenant's rows by hash (a scan of every row of the
 * tenant) instead of looking each one up by key. It returns at most `lim` rows (a page and one).
 */
const searchRows = `ALTER FUNCTION index_top_products(text, tsquery, int) ROWS 25;`;

/**
 * GIN indexes take new entries into a pending list that every search reads through until it is merged
 * (by vacuum, or by a write once the list passes its limit, 4 MB by default). Under a steady stream
 * of product writes the list held ~6,000 entries and each storefront search took ~20 ms instead of
 * under 1 ms. A 64 kB limit keeps a search's extra reading to a few pages; writes merge small lists.
 */
const ginPending = `
DO $$
DECLARE
  idx text;
BEGIN
  FOREACH idx IN ARRAY ARRAY['index_products_search', 'index_content_search', 'index_products_title_trgm', 'index_content_title_trgm'] LOOP
    IF to_regclass(idx) IS NOT NULL THEN
      EXECUTE format('ALTER INDEX %I SET (gin_pending_list_limit = 64)', idx);
    END IF;
  END LOOP;
END
$$;`;

export const indexMigrations: readonly Migration[] = [
  { name: 'm20261210_index_001_tables', up: tables },
  { name: 'm20261210_index_002_trigram', up: trigram },
  { name: 'm20261210_index_003_counts', up: counts },
  { name: 'm20261210_index_004_reads', up: reads },
  { name: 'm20261210_index_005_matches', up: matches },
  { name: 'm20261210_index_006_pages', up: pagesSql },
  { name: 'm20261222_index_007_search_rows', up: searchRows },
  { name: 'm20261223_index_008_variants', up: variantsSql },
  { name: 'm20261224_index_009_gin_pending', up: ginPending },
  { name: 'm20261225_index_010_summaries', up: summariesSql },
  { name: 'm20261226_index_011_compact_summaries', up: compactSummariesSql },
  { name: 'm20261227_index_012_millisecond_times', up: millisecondTimesSql },
  { name: 'm20261228_index_013_rank', up: rankSql },
  { name: 'm20261229_index_014_drop_unused_functions', up: dropUnusedFunctionsSql },
  { name: 'm20261230_index_015_tenant_search_keys', up: tenantSearchKeysSql },
  { name: 'm20261231_index_016_tenant_content_keys', up: tenantContentKeysSql },
  { name: 'm20270101_index_017_search_page', up: searchPageSql },
  { name: 'm20270102_index_018_custom', up: customSql },
  { name: 'm20270103_index_019_search_locale_keys', up: localeKeysSql },
  { name: 'm20270104_index_020_custom_search', up: customSearchSql },
  { name: 'm20270105_index_021_custom_plans', up: customPlansSql },
  { name: 'm20270106_index_022_search_postings', up: searchPostingsSql },
  { name: 'm20270107_index_023_summary_image', up: summaryImageSql },
  { name: 'm20270108_index_024_postings_diff', up: postingsDiffSql },
];
