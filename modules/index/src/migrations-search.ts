/**
 * Relevance by ts_rank instead of ts_rank_cd (same weights, same normalisation: divided by 1 + the
 * log of the document's length). ts_rank_cd zeroes a 32 kB position array per query term for every
 * row it ranks (PostgreSQL's cover-density representation), which was a fifth of the database's
 * time on a storefront search ranking 200 matches; ts_rank reads the matching entries' positions
 * only. The first page (index_top_products) and the pages after it rank with the same function, so
 * keyset pages stay consistent. `ROWS 25` is restated: CREATE OR REPLACE resets it.
 */
export const rankSql = `
CREATE OR REPLACE FUNCTION index_top_products(loc text, q tsquery, lim int) RETURNS TABLE (match_id uuid, match_rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 25 AS $$
BEGIN
  RETURN QUERY SELECT p.product_id, ts_rank(p.search_vector, q, 1) FROM public.index_products p
    WHERE p.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND p.locale = loc AND p.status = 'published'
      AND p.search_vector @@ q
    ORDER BY 2 DESC, 1 DESC LIMIT lim;
END
$$;`;

/**
 * Functions no statement calls any more: the lists, the search and the product by handle are single
 * statements over the stored items now (search/product-pages.ts, search/product.ts).
 */
export const dropUnusedFunctionsSql = `
DROP FUNCTION IF EXISTS index_products_newest(uuid, text, integer, timestamptz, uuid, text, text, boolean);
DROP FUNCTION IF EXISTS index_products_newest_text(uuid, text, integer, timestamptz, uuid, text, text, boolean);
DROP FUNCTION IF EXISTS index_products_search(uuid, text, regconfig, text, text, integer);
DROP FUNCTION IF EXISTS index_product_by_handle(uuid, text, text);`;
