import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

/**
 * Search postings: for every published product row, one row per lexeme of its search vector with
 * that lexeme's own rank (`ts_rank(search_vector, 'lexeme', 1)`: its weighted occurrences over the
 * row's length), kept by statement triggers on index_products in the statement that writes the row.
 *
 * A plain search (words only, no filter) then reads only postings: an index range per word (its stem
 * as a prefix, so type-ahead keeps working), summed per product, the best page joined to its stored
 * items. Before, the first page read and ranked every matching row of index_products (a wide row:
 * the stored item, prices, the vector) and sorted them all; the postings are narrow and come in
 * index order, so a word matching 200 products costs 200 index entries and 21 heap rows.
 *
 * The score of a product for words w₁…wₙ (stems s₁…sₙ): Σᵢ (2·impact(sᵢ) + Σ impact(l) over its other
 * lexemes l starting with sᵢ) / 2n. It is ts_rank's own sum for `wᵢ | wᵢ:*` (ts_rank adds up its
 * items' terms, each lexeme's term independent of the others), so an exact word outranks a longer
 * word it begins, and weights (title A … body D) and length normalisation stay as they were. Every
 * word must match (as a prefix), as in the full-text query it replaces.
 */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public';
/** A lexeme as a tsquery literal: quotes and backslashes doubled, as tsvector output writes them. */
const LEXEME_QUERY = `('''' || replace(replace(u.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery`;

const table = `
CREATE TABLE index_search_postings (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  locale text NOT NULL,
  lexeme text COLLATE "C" NOT NULL,
  product_id uuid NOT NULL,
  impact real NOT NULL,
  PRIMARY KEY (tenant_id, locale, lexeme, product_id) INCLUDE (impact)
);
CREATE INDEX index_search_postings_product ON index_search_postings (tenant_id, product_id, locale);
${tenantRlsSql('index_search_postings')}
CREATE FUNCTION index_postings_of(v tsvector) RETURNS TABLE (lexeme text, impact real)
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT u.lexeme, ts_rank(v, ${LEXEME_QUERY}, 1) FROM unnest(v) u
$$;`;

/** Postings of the published rows in a transition table (`rows`), and removal of the rows' postings. */
const insertPostings = (rows: string, where = 'TRUE') => `
  INSERT INTO public.index_search_postings (tenant_id, locale, lexeme, product_id, impact)
  SELECT r.tenant_id, r.locale, x.lexeme, r.product_id, x.impact
    FROM ${rows} r, public.index_postings_of(r.search_vector) x
   WHERE r.status = 'published' AND ${where};`;
const deletePostings = (rows: string, where = 'TRUE') => `
  DELETE FROM public.index_search_postings p USING ${rows} r
   WHERE p.tenant_id = r.tenant_id AND p.product_id = r.product_id AND p.locale = r.locale
     AND r.status = 'published' AND ${where};`;
/** An update changes postings only when the vector or the status changed (stock, prices and custom fields do not). */
const CHANGED = `EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = r.tenant_id AND n.product_id = r.product_id
  AND n.locale = r.locale AND (n.status IS DISTINCT FROM r.status OR n.search_vector IS DISTINCT FROM r.search_vector))`;
const CHANGED_NEW = `EXISTS (SELECT 1 FROM old_rows o WHERE o.tenant_id = r.tenant_id AND o.product_id = r.product_id
  AND o.locale = r.locale AND (o.status IS DISTINCT FROM r.status OR o.search_vector IS DISTINCT FROM r.search_vector))`;

const triggers = `
CREATE FUNCTION index_postings_inserted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN ${insertPostings('new_rows')} RETURN NULL; END
$$;
CREATE FUNCTION index_postings_updated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN ${deletePostings('old_rows', CHANGED)} ${insertPostings('new_rows', CHANGED_NEW)} RETURN NULL; END
$$;
CREATE FUNCTION index_postings_deleted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN ${deletePostings('old_rows')} RETURN NULL; END
$$;
CREATE TRIGGER index_postings_insert AFTER INSERT ON index_products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_postings_inserted();
CREATE TRIGGER index_postings_update AFTER UPDATE ON index_products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_postings_updated();
CREATE TRIGGER index_postings_delete AFTER DELETE ON index_products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_postings_deleted();
${insertPostings('public.index_products')}
ANALYZE index_search_postings;`;

/**
 * The page of a plain search from the postings: the words' stems (the query's lexemes in the locale's
 * configuration), each as a prefix range, scored as above, every word required; after a cursor
 * (`after_key`, `after_id`) for the next pages. Scores are rounded to six digits so that a cursor's key
 * compares equal to the score it was read from.
 */
const page = `
CREATE FUNCTION index_search_posted(loc text, cfg regconfig, q text, lim int, after_key numeric, after_id uuid,
  OUT items text, OUT n int, OUT last_id uuid, OUT last_key text)
LANGUAGE plpgsql STABLE ${DEFINER} AS $$
DECLARE
  t uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  stems text[] := tsvector_to_array(to_tsvector(cfg, q));
  words int := cardinality(stems);
  m record;
BEGIN
  n := 0;
  IF words = 0 THEN RETURN; END IF;
  FOR m IN
    WITH per_word AS (
      SELECT p.product_id, w.i, sum(CASE WHEN p.lexeme = w.stem THEN 2 * p.impact ELSE p.impact END) AS s
        FROM unnest(stems) WITH ORDINALITY AS w(stem, i)
        JOIN public.index_search_postings p ON p.tenant_id = t AND p.locale = loc
         AND p.lexeme >= w.stem COLLATE "C" AND p.lexeme < (w.stem || chr(1114111)) COLLATE "C"
       GROUP BY 1, 2
    ), scored AS (
      SELECT product_id AS id, round((sum(s) / (2 * words))::numeric, 6) AS r FROM per_word GROUP BY 1 HAVING count(*) = words
    )
    SELECT s.id, s.r, p.summary FROM scored s
      JOIN public.index_products p ON p.tenant_id = t AND p.product_id = s.id AND p.locale = loc AND p.status = 'published'
     WHERE after_id IS NULL OR (s.r, s.id) < (after_key, after_id)
     ORDER BY s.r DESC, s.id DESC LIMIT lim
  LOOP
    n := n + 1;
    items := CASE WHEN n = 1 THEN m.summary ELSE items || ',' || m.summary END;
    IF n = lim - 1 THEN
      last_id := m.id;
      last_key := m.r::text;
    END IF;
  END LOOP;
END
$$;`;

export const searchPostingsSql = `${table}${triggers}${page}`;
