import { RESTORE_TENANT, SET_TENANT } from './migrations-tenant-sql.js';

/**
 * The storefront's most frequent product lists as static functions, so their plans stay cached per
 * connection (planning is most of the database work of a small list): the newest products (with
 * optional category, tag and stock filters, and a keyset cursor) and the first page of a plain text
 * search. Every other list is a statement of its own through index_read. Both set the tenant for
 * their statement only and run as their caller (row-level security applies).
 */
const SUMMARY = `product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
  to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso`;
const FILTERS = `(category IS NULL OR categories @> ARRAY[category]) AND (tag IS NULL OR tags @> ARRAY[tag])
       AND (in_stock IS NULL OR has_stock = in_stock)`;
const NEWEST = (cursor: string) => `SELECT coalesce(json_agg(x), '[]'::json) INTO result FROM (
      SELECT ${SUMMARY}, published_at::text AS sort_key FROM index_products
       WHERE tenant_id = tenant AND locale = loc AND status = 'published' ${cursor} AND ${FILTERS}
       ORDER BY published_at DESC, product_id DESC LIMIT lim) x;`;

export const pagesSql = `
CREATE FUNCTION index_products_newest(tenant uuid, loc text, lim int, after_at timestamptz, after_id uuid,
                                      category text, tag text, in_stock boolean) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ${SET_TENANT}
  IF after_id IS NULL THEN
    ${NEWEST('')}
  ELSE
    ${NEWEST('AND (published_at, product_id) < (after_at, after_id)')}
  END IF;
  ${RESTORE_TENANT}
$$;
CREATE FUNCTION index_products_search(tenant uuid, loc text, cfg regconfig, q text, prefix text, lim int) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := current_setting('app.tenant_id', true);
  tsq tsquery := CASE WHEN prefix = '' THEN websearch_to_tsquery(cfg, q) ELSE websearch_to_tsquery(cfg, q) || to_tsquery(cfg, prefix) END;
  result json;
BEGIN
  PERFORM set_config('app.tenant_id', tenant::text, true);
  SELECT coalesce(json_agg(x), '[]'::json) INTO result FROM (
    SELECT ${SUMMARY}, t.match_rank::text AS sort_key
      FROM index_top_products(loc, tsq, lim) t JOIN index_products ON product_id = t.match_id
     WHERE tenant_id = tenant AND locale = loc AND status = 'published'
     ORDER BY t.match_rank DESC, product_id DESC) x;
  ${RESTORE_TENANT}
$$;`;
