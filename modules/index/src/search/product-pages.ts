import { preparedSql } from '@rustok/db';
import { prefixQuery, searchConfigOf, usesOperators } from '../text.js';
import type { ProductPlanInput } from './product-where.js';
import type { Cursor, MatchMode } from './sql.js';

/** A list row with its sort key as text (what the dynamic statements return too). */
export interface PageRow {
  id: string;
  sort_key: string | null;
  [key: string]: unknown;
}

const NEWEST_SQL = preparedSql('index_products_newest', 'SELECT index_products_newest($1, $2, $3, $4, $5, $6, $7, $8) AS r');
const SEARCH_SQL = preparedSql('index_products_search', 'SELECT index_products_search($1, $2, $3, $4, $5, $6) AS r');

const noPriceFilter = (input: ProductPlanInput) => input.query.minPrice === undefined && input.query.maxPrice === undefined;

const noFilter = (input: ProductPlanInput) =>
  noPriceFilter(input) && input.query.category === undefined && input.query.tag === undefined && input.query.inStock === undefined;

const newest = async (input: ProductPlanInput, cursor: Cursor | undefined): Promise<PageRow[]> => {
  const { query, ctx } = input;
  const { rows } = await ctx.db.query<{ r: PageRow[] }>(NEWEST_SQL, [
    ctx.tenantId,
    input.locale,
    query.limit + 1,
    cursor?.key ?? null,
    cursor?.id ?? null,
    query.category ?? null,
    query.tag ?? null,
    query.inStock ?? null,
  ]);
  return rows[0]?.r ?? [];
};

const search = async (input: ProductPlanInput, q: string): Promise<PageRow[]> => {
  const { query, ctx } = input;
  const prefix = usesOperators(q) ? '' : prefixQuery(q);
  const { rows } = await ctx.db.query<{ r: PageRow[] }>(SEARCH_SQL, [
    ctx.tenantId,
    input.locale,
    searchConfigOf(input.locale),
    q,
    prefix,
    query.limit + 1,
  ]);
  return rows[0]?.r ?? [];
};

/**
 * The two most frequent lists through their static functions (plans cached): newest first with at
 * most category, tag and stock filters, and the first page of a plain search by relevance. Anything
 * else (undefined here) is built as a statement of its own.
 */
export const staticPage = (
  input: ProductPlanInput,
  mode: MatchMode,
  sort: string,
  cursor: Cursor | undefined,
): Promise<PageRow[]> | undefined => {
  if (mode === 'all' && sort === 'newest' && noPriceFilter(input)) return newest(input, cursor);
  const q = input.query.q?.trim();
  if (mode === 'fulltext' && sort === 'relevance' && !cursor && q && noFilter(input)) return search(input, q);
  return undefined;
};
