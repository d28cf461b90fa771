import { preparedSql } from '@rustok/db';
import { prefixQuery, searchConfigOf, usesOperators } from '../text.js';
import type { ProductPlanInput } from './product-where.js';
import type { Cursor, MatchMode, SortName } from './sql.js';

/** A list row: its stored item (JSON text, see migrations-summaries.ts), id and sort key as text. */
export interface PageRow {
  summary: string;
  id: string;
  sort_key: string | null;
  [key: string]: unknown;
}

/** What every list statement selects (the dynamic ones add their sort key). */
export const PAGE_COLUMNS = 'summary, product_id AS id';

const FILTERS = `($4::text IS NULL OR categories @> ARRAY[$4::text]) AND ($5::text IS NULL OR tags @> ARRAY[$5::text])
   AND ($6::boolean IS NULL OR has_stock = $6::boolean)`;
const newestSql = (after: string) => `SELECT ${PAGE_COLUMNS}, published_at::text AS sort_key FROM index_products
 WHERE tenant_id = $1::uuid AND locale = $2 AND status = 'published' AND ${FILTERS} ${after}
 ORDER BY published_at DESC, product_id DESC LIMIT $3::int`;
const NEWEST_FIRST_SQL = preparedSql('index_newest_first', newestSql(''));
const NEWEST_AFTER_SQL = preparedSql('index_newest_after', newestSql('AND (published_at, product_id) < ($7::timestamptz, $8::uuid)'));

const TSQ = `CASE WHEN $5 = '' THEN websearch_to_tsquery($3::regconfig, $4)
  ELSE websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5) END`;
const SEARCH_FIRST_SQL = preparedSql(
  'index_search_first',
  `SELECT p.summary, p.product_id AS id, t.match_rank::text AS sort_key
     FROM index_top_products($2, ${TSQ}, $6::int) t JOIN index_products p ON p.product_id = t.match_id
    WHERE p.tenant_id = $1::uuid AND p.locale = $2 AND p.status = 'published'
    ORDER BY t.match_rank DESC, p.product_id DESC`,
);

export const noPriceFilter = (input: ProductPlanInput) => input.query.minPrice === undefined && input.query.maxPrice === undefined;

const noFilter = (input: ProductPlanInput) =>
  noPriceFilter(input) && input.query.category === undefined && input.query.tag === undefined && input.query.inStock === undefined;

const newest = async (input: ProductPlanInput, cursor: Cursor | undefined): Promise<PageRow[]> => {
  const { query, ctx } = input;
  const filters = [query.category ?? null, query.tag ?? null, query.inStock ?? null];
  const first = [ctx.tenantId, input.locale, query.limit + 1, ...filters];
  const { rows } = cursor
    ? await ctx.db.tenantRead<PageRow>(ctx.tenantId, NEWEST_AFTER_SQL, [...first, cursor.key, cursor.id])
    : await ctx.db.tenantRead<PageRow>(ctx.tenantId, NEWEST_FIRST_SQL, first);
  return rows;
};

const search = async (input: ProductPlanInput, q: string): Promise<PageRow[]> => {
  const { query, ctx } = input;
  const prefix = usesOperators(q) ? '' : prefixQuery(q);
  const params = [ctx.tenantId, input.locale, searchConfigOf(input.locale), q, prefix, query.limit + 1];
  return (await ctx.db.tenantRead<PageRow>(ctx.tenantId, SEARCH_FIRST_SQL, params)).rows;
};

/**
 * The two most frequent lists as fixed statements (planned once per connection): newest first with
 * at most category, tag and stock filters, and the first page of a plain search by relevance.
 * Anything else (undefined here) is built as a statement of its own.
 */
export const staticPage = (
  input: ProductPlanInput,
  mode: MatchMode,
  sort: SortName,
  cursor: Cursor | undefined,
): Promise<PageRow[]> | undefined => {
  if (mode === 'all' && sort === 'newest' && noPriceFilter(input)) return newest(input, cursor);
  const q = input.query.q?.trim();
  if (mode === 'fulltext' && sort === 'relevance' && !cursor && q && noFilter(input)) return search(input, q);
  return undefined;
};
