/**
 * Product list rows stored as the storefront answers them. Each index_products row keeps its list
 * item (StoreProductSummary) as JSON text, kept current by a trigger on every write of the row, so the
 * hot lists concatenate stored text instead of building JSON per row and request, and the server
 * sends that text without parsing and serialising it again (see search/products.ts and product.ts).
 */
const ISO = `to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const PRICES = `(SELECT coalesce(json_agg(json_build_object('currencyCode', e->'currencyCode', 'min', e->'min', 'max', e->'max')), '[]')
     FROM jsonb_array_elements(p.prices) e)`;
const PRICE_FROM = `(SELECT coalesce(json_agg(json_build_object('amount', e->'min', 'currencyCode', e->'currencyCode')), '[]')
     FROM jsonb_array_elements(p.prices) e)`;

/** One page of the newest list as text: the first `lim` stored items, whether more follow, and the last one's keys. */
const page = (cursor: string) => `SELECT '[' || coalesce(string_agg(x.summary, ',' ORDER BY x.n) FILTER (WHERE x.n <= lim), '') || ']',
           count(*) > lim, max(x.k) FILTER (WHERE x.n = lim), (array_agg(x.product_id) FILTER (WHERE x.n = lim))[1]
      INTO items, more, last_key, last_id
      FROM (SELECT summary, published_at::text AS k, product_id, row_number() OVER (ORDER BY published_at DESC, product_id DESC) AS n
              FROM index_products
             WHERE tenant_id = tenant AND locale = loc AND status = 'published' ${cursor}
               AND (category IS NULL OR categories @> ARRAY[category]) AND (tag IS NULL OR tags @> ARRAY[tag])
               AND (in_stock IS NULL OR has_stock = in_stock)
             ORDER BY published_at DESC, product_id DESC LIMIT lim + 1) x;`;

/** A JSON array of the rows of `select`, compact (json_agg puts a space and a line break between items). */
const compactArray = (select: string) => `(SELECT coalesce('[' || string_agg(row_to_json(x)::text, ',') || ']', '[]')
     FROM (${select}) x)::json`;
const PRICES_COMPACT = compactArray(
  `SELECT e->'currencyCode' AS "currencyCode", e->'min' AS min, e->'max' AS max FROM jsonb_array_elements(p.prices) e`,
);
const PRICE_FROM_COMPACT = compactArray(
  `SELECT e->'min' AS amount, e->'currencyCode' AS "currencyCode" FROM jsonb_array_elements(p.prices) e`,
);

/**
 * The stored items as compact JSON (json_build_object writes "key" : value): row_to_json of the item's
 * fields in the answer's order; the rows are written again so that every stored item is compact.
 */
export const SUMMARY_ITEM_SQL = `row_to_json(s)::text FROM (
    SELECT p.product_id AS id, p.handle, p.locale, p.text_locale AS "textLocale", p.title, p.subtitle,
           ${PRICES_COMPACT} AS prices, ${PRICE_FROM_COMPACT} AS "priceFrom",
           p.has_stock AS "inStock", p.has_stock AS "hasStock", p.total_stock AS "totalStock", p.categories, p.tags,
           ${ISO} AS "publishedAt") s`;

export const compactSummariesSql = `
CREATE OR REPLACE FUNCTION index_product_summary(p index_products) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ${SUMMARY_ITEM_SQL}
$$;
UPDATE index_products SET summary = NULL;`;

export const summariesSql = `
ALTER TABLE index_products ADD COLUMN summary text;
CREATE FUNCTION index_product_summary(p index_products) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', p.product_id, 'handle', p.handle, 'locale', p.locale, 'textLocale', p.text_locale,
    'title', p.title, 'subtitle', p.subtitle, 'prices', ${PRICES}, 'priceFrom', ${PRICE_FROM},
    'inStock', p.has_stock, 'hasStock', p.has_stock, 'totalStock', p.total_stock,
    'categories', to_json(p.categories), 'tags', to_json(p.tags), 'publishedAt', ${ISO})::text
$$;
CREATE FUNCTION index_products_summary_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.summary := index_product_summary(NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER index_products_summary BEFORE INSERT OR UPDATE ON index_products
  FOR EACH ROW EXECUTE FUNCTION index_products_summary_trigger();
UPDATE index_products SET summary = NULL;
CREATE FUNCTION index_products_newest_text(tenant uuid, loc text, lim int, after_at timestamptz, after_id uuid,
                                           category text, tag text, in_stock boolean,
                                           OUT items text, OUT more boolean, OUT last_key text, OUT last_id uuid)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := current_setting('app.tenant_id', true);
BEGIN
  PERFORM set_config('app.tenant_id', tenant::text, true);
  IF after_id IS NULL THEN
    ${page('')}
  ELSE
    ${page('AND (published_at, product_id) < (after_at, after_id)')}
  END IF;
  PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
END
$$;`;

/**
 * Publication times to the millisecond, as the stored items print them: the newest list then takes
 * its cursor (publication time and id of the page's last item) from the last stored item, and each
 * row of the list is its stored text alone (a second and third column per row cost the list
 * statement a fifth of its speed). Times from the write model already arrive in milliseconds (they
 * pass through JavaScript dates); the trigger makes sure of it for every write.
 */
export const millisecondTimesSql = `
CREATE OR REPLACE FUNCTION index_products_summary_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.published_at := date_trunc('milliseconds', NEW.published_at);
  NEW.summary := index_product_summary(NEW);
  RETURN NEW;
END
$$;
UPDATE index_products SET published_at = published_at WHERE published_at <> date_trunc('milliseconds', published_at);`;
