import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

/**
 * Search postings: for every published product row, one row per lexeme of its search vector with
 * that lexeme's own rank (`ts_rank(search_vector, 'lexeme', 1)`: its weighted occurrences over the
 * row's length), kept by statement triggers on index_products in the statement that writes the row,
 * and indexed in impact order per tenant, locale and lexeme.
 *
 * A plain search (words only, no filter) then reads postings instead of ranking every matching row
 * of index_products (a wide row: the stored item, prices, the vector). A word's score in a product is
 * the best impact among its lexemes that begin with the word's stem, an exact lexeme counting fully
 * and a longer one (type-ahead: `leath` finds leather) half, so an exact word outranks a longer word
 * it begins; weights (title A … body D) and length normalisation are ts_rank's. Every word must
 * match; a product's score is the sum of its words' scores, added in the words' order (so that a
 * cursor's key is the same number every time).
 *
 * The first page of a one-word search reads each matching lexeme's best `lim` postings in index
 * order and stops: a word found in 200 products costs a page of index entries, not 200 rows. Pages
 * after a cursor, searches of several words and prefixes with many lexemes add up every posting of
 * their words.
 */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public';
/** A lexeme as a tsquery literal: quotes and backslashes doubled, as tsvector output writes them. */
const LEXEME_QUERY = `('''' || replace(replace(u.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery`;

const table = `
CREATE TABLE index_search_postings (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  locale text NOT NULL,
  lexeme text COLLATE "C" NOT NULL,
  impact real NOT NULL,
  product_id uuid NOT NULL
);
CREATE INDEX index_search_postings_impact ON index_search_postings (tenant_id, locale, lexeme, impact DESC, product_id DESC);
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
/**
 * An update changes postings only when the vector or the status changed (stock, prices and custom
 * fields do not): `r`, a row of one transition table, differs from its twin in the other (`other`).
 */
const changedAgainst = (other: 'old_rows' | 'new_rows') => `EXISTS (SELECT 1 FROM ${other} c
  WHERE c.tenant_id = r.tenant_id AND c.product_id = r.product_id AND c.locale = r.locale
    AND (c.status IS DISTINCT FROM r.status OR c.search_vector IS DISTINCT FROM r.search_vector))`;

const triggers = `
CREATE FUNCTION index_postings_inserted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN ${insertPostings('new_rows')} RETURN NULL; END
$$;
CREATE FUNCTION index_postings_updated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN ${deletePostings('old_rows', changedAgainst('new_rows'))} ${insertPostings('new_rows', changedAgainst('old_rows'))} RETURN NULL; END
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

/** A word's score in one posting: its impact, half of it for a longer lexeme than the stem. */
const WEIGHTED = `(p.impact::float8 * CASE WHEN p.lexeme = w.stem THEN 1 ELSE 0.5 END)`;
/** The prefix range of a stem (C collation: every lexeme that begins with it, and only those). */
const RANGE = `p.tenant_id = t AND p.locale = loc AND p.lexeme >= w.stem COLLATE "C" AND p.lexeme < (w.stem || chr(1114111)) COLLATE "C"`;
/** Lexemes a one-word first page merges at most; a shorter prefix with more of them adds up all postings. */
const MAX_MERGED = 16;

/**
 * The distinct lexemes of the tenant's postings that begin with the word's stem (at most
 * MAX_MERGED + 1), one index probe each (a loose index scan).
 */
const LEXEMES_OF_ONE_WORD = `
    WITH RECURSIVE lex(l) AS (
      SELECT min(p.lexeme) FROM public.index_search_postings p, (SELECT stems[1] AS stem) w WHERE ${RANGE}
      UNION ALL
      SELECT (SELECT min(p.lexeme) FROM public.index_search_postings p, (SELECT stems[1] AS stem) w WHERE ${RANGE} AND p.lexeme > lex.l)
        FROM lex WHERE lex.l IS NOT NULL
    )
    SELECT l FROM lex WHERE l IS NOT NULL LIMIT ${MAX_MERGED + 1}`;

/** The best `lim` products of one word: the best `lim` postings of each of its lexemes, merged. */
const TOP_OF_ONE_WORD = `
      SELECT c.id, max(c.r) AS r FROM unnest(lexes) AS x(lexeme), LATERAL (
        SELECT p.product_id AS id, ${WEIGHTED} AS r FROM public.index_search_postings p, (SELECT stems[1] AS stem) w
         WHERE p.tenant_id = t AND p.locale = loc AND p.lexeme = x.lexeme
         ORDER BY p.impact DESC, p.product_id DESC LIMIT lim) c
       GROUP BY c.id ORDER BY 2 DESC, 1 DESC LIMIT lim`;

/** Every product matching all words, with its score, after the cursor; the best `lim` of them. */
const TOP_OF_ALL = `
      SELECT id, r FROM (
        SELECT b.product_id AS id, sum(b.best ORDER BY b.i) AS r FROM (
          SELECT p.product_id, w.i, max(${WEIGHTED}) AS best
            FROM unnest(stems) WITH ORDINALITY AS w(stem, i) JOIN public.index_search_postings p ON ${RANGE}
           GROUP BY 1, 2) b
         GROUP BY 1 HAVING count(*) = words) s
       WHERE after_id IS NULL OR (r, id) < (after_key, after_id)
       ORDER BY r DESC, id DESC LIMIT lim`;

/**
 * The page of a plain search from the postings: the words' stems (the query's lexemes in the locale's
 * configuration), the best `lim` products (a page and one) joined to their stored items, and the keys
 * of the limit-th for the next page's cursor (`after_key`, `after_id`).
 */
const page = `
CREATE FUNCTION index_search_posted(loc text, cfg regconfig, q text, lim int, after_key float8, after_id uuid,
  OUT items text, OUT n int, OUT last_id uuid, OUT last_key text)
LANGUAGE plpgsql STABLE ${DEFINER} SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  t uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  stems text[] := tsvector_to_array(to_tsvector(cfg, q));
  words int := cardinality(stems);
  lexes text[];
  top record;
BEGIN
  n := 0;
  IF words = 0 THEN RETURN; END IF;
  IF words = 1 AND after_id IS NULL THEN
    lexes := ARRAY(${LEXEMES_OF_ONE_WORD});
  END IF;
  FOR top IN
    WITH best AS MATERIALIZED (
      SELECT * FROM (${TOP_OF_ONE_WORD}) one WHERE cardinality(lexes) <= ${MAX_MERGED}
      UNION ALL
      SELECT * FROM (${TOP_OF_ALL}) every WHERE lexes IS NULL OR cardinality(lexes) > ${MAX_MERGED}
    )
    SELECT b.id, b.r, p.summary FROM best b
      JOIN public.index_products p ON p.tenant_id = t AND p.product_id = b.id AND p.locale = loc AND p.status = 'published'
     ORDER BY b.r DESC, b.id DESC
  LOOP
    n := n + 1;
    items := CASE WHEN n = 1 THEN top.summary ELSE items || ',' || top.summary END;
    IF n = lim - 1 THEN
      last_id := top.id;
      last_key := top.r::text;
    END IF;
  END LOOP;
END
$$;`;

export const searchPostingsSql = `${table}${triggers}${page}`;
