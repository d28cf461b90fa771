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

/**
 * Search candidates per tenant. The GIN index over `search_vector` held every tenant's lexemes, so a
 * search of one tenant collected the matches of all of them and kept its own afterwards: with 100
 * tenants of 1,000 products each, `leather` (and its type-ahead prefix `leather:*`) gathered 20,000
 * entries for 100 of the tenant's, 13 ms per search. `search_keys` is the same vector with each
 * lexeme prefixed by the last 12 hex digits of the tenant id (positions and weights kept), and a
 * query is prefixed the same way (`index_tenant_tsquery`), so the index reaches only the tenant's
 * entries: lexeme for lexeme the same match (a shared prefix of two tenants' ids would only widen
 * the candidates, which the tenant condition still filters). Ranking still reads `search_vector`.
 * The candidate functions match through it; the index over `search_vector` goes (one GIN per row
 * written, as before).
 */
const TENANT_KEY = `right(replace(tenant::text, '-', ''), 12)`;
const LEXEME = `'''((?:[^'']|'''')*)'''`;
/** A read model's generated keys, their GIN index in place of the one over `search_vector`, and its candidates through them. */
const searchKeysOf = (
  table: string,
  match: string,
  id: string,
) => `ALTER TABLE ${table} ADD COLUMN search_keys tsvector GENERATED ALWAYS AS (index_tenant_lexemes(tenant_id, search_vector)) STORED;
CREATE INDEX ${table}_search_keys ON ${table} USING gin (search_keys) WITH (gin_pending_list_limit = 64)
  WHERE status = 'published';
DROP INDEX ${table}_search;
CREATE OR REPLACE FUNCTION ${match}(loc text, q tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT ${id} FROM public.${table}
   WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND locale = loc AND status = 'published'
     AND search_keys @@ public.index_tenant_tsquery(nullif(current_setting('app.tenant_id', true), '')::uuid, q)
$$;`;

export const tenantSearchKeysSql = `
CREATE FUNCTION index_tenant_lexemes(tenant uuid, v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT regexp_replace(v::text, ${LEXEME}, '''' || ${TENANT_KEY} || '\\1''', 'g')::tsvector
$$;
CREATE FUNCTION index_tenant_tsquery(tenant uuid, q tsquery) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT regexp_replace(q::text, ${LEXEME}, '''' || ${TENANT_KEY} || '\\1''', 'g')::tsquery
$$;
${searchKeysOf('index_products', 'index_match_products', 'product_id')}
CREATE OR REPLACE FUNCTION index_top_products(loc text, q tsquery, lim int) RETURNS TABLE (match_id uuid, match_rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 25 AS $$
DECLARE
  t uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  keys tsquery := public.index_tenant_tsquery(t, q);
BEGIN
  RETURN QUERY SELECT p.product_id, ts_rank(p.search_vector, q, 1) FROM public.index_products p
    WHERE p.tenant_id = t AND p.locale = loc AND p.status = 'published' AND p.search_keys @@ keys
    ORDER BY 2 DESC, 1 DESC LIMIT lim;
END
$$;`;

/** The same tenant-prefixed search keys for content (posts, topics, pages): see `tenantSearchKeysSql`. */
export const tenantContentKeysSql = `
${searchKeysOf('index_content', 'index_match_content', 'node_id')}`;

/**
 * The first page of a plain search as one row, in one call: the best `lim` matches ranked and their
 * stored items joined, the keys of the row before the last (a page asks for one more than it shows).
 * The statement before ranked in index_top_products and joined its ids back to the table for the
 * items, sorting the page three times over; here the ranked rows carry their items, so each match is
 * read once. Lab (one tenant, 2,000 products, 200 matches, pgbench -c 8 on 2 cores): 4,790 → 5,620
 * statements/s. index_top_products has no caller left and goes.
 */
export const searchPageSql = `
DROP FUNCTION IF EXISTS index_top_products(text, tsquery, integer);
CREATE FUNCTION index_search_page(loc text, q tsquery, lim int, OUT items text, OUT n int, OUT last_id uuid, OUT last_key text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  t uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  keys tsquery := public.index_tenant_tsquery(t, q);
BEGIN
  SELECT string_agg(m.summary, ',' ORDER BY m.r DESC, m.id DESC), count(*)::int,
         (array_agg(m.id ORDER BY m.r DESC, m.id DESC))[lim - 1],
         (array_agg(m.r::text ORDER BY m.r DESC, m.id DESC))[lim - 1]
    INTO items, n, last_id, last_key
    FROM (SELECT p.product_id AS id, ts_rank(p.search_vector, q, 1) AS r, p.summary FROM public.index_products p
           WHERE p.tenant_id = t AND p.locale = loc AND p.status = 'published' AND p.search_keys @@ keys
           ORDER BY 2 DESC, 1 DESC LIMIT lim) m;
END
$$;`;
