import { preparedSql } from '@rustok/db';
import { MAX_LIMIT } from '../schemas.js';
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

/** A row of the newest list: the stored item alone (its id and publication time are the row's keyset). */
type ItemRow = { summary: string };

/** What every list statement selects (the dynamic ones add their sort key). */
export const PAGE_COLUMNS = 'summary, product_id AS id';

const NEWEST_CONDITIONS = {
  category: (n: number) => `categories @> ARRAY[$${n}::text]`,
  tag: (n: number) => `tags @> ARRAY[$${n}::text]`,
  stock: (n: number) => `has_stock = $${n}::boolean`,
  after: (n: number) => `(published_at, product_id) < ($${n}::timestamptz, $${n + 1}::uuid)`,
};
type NewestPart = keyof typeof NEWEST_CONDITIONS;
const newestStatements = new Map<string, string>();

/**
 * The newest list's statement for the filters and cursor a request has: one named statement per
 * combination (at most 16), each with only its own conditions, so that PostgreSQL settles on one
 * generic plan per statement instead of planning every execution again (which doubled the
 * database's work per list). Optional filters in one statement (`$4 IS NULL OR …`) prevent that, and
 * so does `LIMIT $3` alone: a generic plan assumes a tenth of the rows for it, costs more than the
 * custom plans for a page, and loses to them for good. The page's limit therefore applies over a
 * fixed one (the largest page and one): the generic plan's estimate no longer depends on it, and the
 * scan still stops after the rows the page takes.
 */
const newestStatement = (parts: readonly NewestPart[]): string => {
  const key = parts.join('_') || 'all';
  let text = newestStatements.get(key);
  if (!text) {
    let n = 4;
    const conditions = parts.map((part) => {
      const sql = NEWEST_CONDITIONS[part](n);
      n += part === 'after' ? 2 : 1;
      return ` AND ${sql}`;
    });
    text = preparedSql(
      `index_newest_${key}`,
      `SELECT summary FROM (SELECT summary FROM index_products
         WHERE tenant_id = $1::uuid AND locale = $2 AND status = 'published'${conditions.join('')}
         ORDER BY published_at DESC, product_id DESC LIMIT ${MAX_LIMIT + 1}) page LIMIT $3::int`,
    );
    newestStatements.set(key, text);
  }
  return text;
};

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

/**
 * The row a cursor continues from: the keys of the page's last item, read from its stored text
 * (publication times are kept to the millisecond, as the item prints them); the other rows need none.
 */
const keyed = (rows: ItemRow[], limit: number): PageRow[] =>
  rows.map((row, i) => {
    if (i !== limit - 1) return { summary: row.summary, id: '', sort_key: null };
    const item = JSON.parse(row.summary) as { id: string; publishedAt: string | null };
    return { summary: row.summary, id: item.id, sort_key: item.publishedAt };
  });

const newest = async (input: ProductPlanInput, cursor: Cursor | undefined): Promise<PageRow[]> => {
  const { query, ctx } = input;
  const parts: NewestPart[] = [];
  const values: unknown[] = [ctx.tenantId, input.locale, query.limit + 1];
  const add = (part: NewestPart, ...value: unknown[]) => {
    parts.push(part);
    values.push(...value);
  };
  if (query.category !== undefined) add('category', query.category);
  if (query.tag !== undefined) add('tag', query.tag);
  if (query.inStock !== undefined) add('stock', query.inStock);
  if (cursor) add('after', cursor.key, cursor.id);
  const { rows } = await ctx.db.tenantRead<ItemRow>(ctx.tenantId, newestStatement(parts), values);
  return keyed(rows, query.limit);
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
