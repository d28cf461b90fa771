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

/**
 * A page of a list: its stored items joined by commas (the JSON array's inside), whether more
 * follow, and the keys a cursor continues from (the last item's id and sort key as text).
 */
export interface Page {
  readonly items: string;
  readonly more: boolean;
  readonly lastId: string | null;
  readonly lastKey: string | null;
}

/** The page of rows read one per item (a limit and one): the first `limit` joined. */
export const pageOfRows = (rows: readonly PageRow[], limit: number): Page => {
  const kept = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return {
    items: kept.map((r) => r.summary).join(','),
    more: rows.length > limit,
    lastId: last?.id ?? null,
    lastKey: last?.sort_key ?? null,
  };
};

/** Where each stored item begins in a joined page: `{"id":"` cannot occur inside a JSON string (its quotes would be escaped). */
const ITEM_START = ',{"id":"';

/** A page's items joined by the database (a limit and one of them, or fewer), how many, and the keys of the limit-th. */
type JoinedPage = {
  readonly items: string | null;
  readonly n: number;
  readonly last_id?: string | null;
  readonly last_key?: string | null;
};

/**
 * The page from its items joined by the database: the last one is cut off when there are more. The
 * cursor's keys come with the row (search: the rank), or else from the kept last item (newest:
 * publication times are kept to the millisecond, as the item prints them).
 */
const pageOfText = (page: JoinedPage | undefined, limit: number): Page => {
  if (!page?.items) return { items: '', more: false, lastId: null, lastKey: null };
  const more = page.n > limit;
  const items = more ? page.items.slice(0, page.items.lastIndexOf(ITEM_START)) : page.items;
  if (!more) return { items, more, lastId: null, lastKey: null };
  if (page.last_id) return { items, more, lastId: page.last_id, lastKey: page.last_key ?? null };
  const last = lastKeysOf(items);
  return { items, more, lastId: last.id, lastKey: last.publishedAt };
};

const ID_KEY = '{"id":"';
const PUBLISHED_KEY = '"publishedAt":';

/**
 * The last stored item's id and publication time, read where the stored item's compact form puts
 * them (its first and its last key, see migrations-summaries.ts): a quote inside a JSON string is
 * escaped, so `"publishedAt":` can only be the key. Anything else is parsed.
 */
const lastKeysOf = (items: string): { id: string; publishedAt: string | null } => {
  const start = items.lastIndexOf(ITEM_START) + 1; // 0 when it is the only item
  const at = items.lastIndexOf(PUBLISHED_KEY);
  const idEnd = start + ID_KEY.length + 36;
  if (items.startsWith(ID_KEY, start) && items[idEnd] === '"' && at > idEnd && items.endsWith('}')) {
    const value = items.slice(at + PUBLISHED_KEY.length, -1);
    if (value === 'null') return { id: items.slice(start + ID_KEY.length, idEnd), publishedAt: null };
    if (/^"[0-9T:.Z-]+"$/.test(value)) return { id: items.slice(start + ID_KEY.length, idEnd), publishedAt: value.slice(1, -1) };
  }
  return JSON.parse(items.slice(start)) as { id: string; publishedAt: string | null };
};

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
      `SELECT string_agg(summary, ',' ORDER BY published_at DESC, product_id DESC) AS items, count(*)::int AS n
         FROM (SELECT summary, published_at, product_id FROM (SELECT summary, published_at, product_id FROM index_products
                 WHERE tenant_id = $1::uuid AND locale = $2 AND status = 'published'${conditions.join('')}
                 ORDER BY published_at DESC, product_id DESC LIMIT ${MAX_LIMIT + 1}) page LIMIT $3::int) kept`,
    );
    newestStatements.set(key, text);
  }
  return text;
};

/** The first page of a search with operators, in one call (see migration 017): its items joined, how many (a limit and one), the limit-th's keys. */
const TSQ = `CASE WHEN $4 = '' THEN websearch_to_tsquery($2::regconfig, $3)
  ELSE websearch_to_tsquery($2::regconfig, $3) || to_tsquery($2::regconfig, $4) END`;
const SEARCH_FIRST_SQL = preparedSql('index_search_first', `SELECT * FROM index_search_page($1, ${TSQ}, $5::int)`);
/** A page of a plain search from the search postings (see migrations-postings.ts), the first or after a cursor. */
const SEARCH_POSTED_SQL = preparedSql(
  'index_search_posted',
  'SELECT * FROM index_search_posted($1, $2::regconfig, $3, $4::int, $5::float8, $6::uuid)',
);

/** Words (letters and digits) separated by spaces, at most four: a query the postings answer. */
const PLAIN_WORDS = /^[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+){0,3}$/u;
const isPlainQuery = (q: string): boolean => q.length <= 200 && PLAIN_WORDS.test(q);

const noPriceFilter = (input: ProductPlanInput) =>
  input.query.minPrice === undefined && input.query.maxPrice === undefined && input.custom.length === 0;

const noFilter = (input: ProductPlanInput) =>
  noPriceFilter(input) && input.query.category === undefined && input.query.tag === undefined && input.query.inStock === undefined;

const newest = async (input: ProductPlanInput, cursor: Cursor | undefined): Promise<Page> => {
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
  const { rows } = await ctx.db.tenantRead<{ items: string | null; n: number }>(ctx.tenantId, newestStatement(parts), values);
  return pageOfText(rows[0], query.limit);
};

const search = async (input: ProductPlanInput, q: string): Promise<Page> => {
  const { query, ctx } = input;
  const prefix = usesOperators(q) ? '' : prefixQuery(q);
  const params = [input.locale, searchConfigOf(input.locale), q, prefix, query.limit + 1];
  return pageOfText((await ctx.db.tenantRead<JoinedPage>(ctx.tenantId, SEARCH_FIRST_SQL, params)).rows[0], query.limit);
};

const posted = async (input: ProductPlanInput, q: string, cursor: Cursor | undefined): Promise<Page> => {
  const { query, ctx } = input;
  const params = [input.locale, searchConfigOf(input.locale), q, query.limit + 1, cursor?.key ?? null, cursor?.id ?? null];
  return pageOfText((await ctx.db.tenantRead<JoinedPage>(ctx.tenantId, SEARCH_POSTED_SQL, params)).rows[0], query.limit);
};

/**
 * The two most frequent lists as fixed statements (planned once per connection): newest first with
 * at most category, tag and stock filters, and a search by relevance without filters: every page of
 * a plain one (words only) from the search postings, the first page of one with operators.
 * Anything else (undefined here) is built as a statement of its own.
 */
export const staticPage = (
  input: ProductPlanInput,
  mode: MatchMode,
  sort: SortName,
  cursor: Cursor | undefined,
): Promise<Page> | undefined => {
  if (mode === 'all' && sort === 'newest' && noPriceFilter(input)) return newest(input, cursor);
  const q = input.query.q?.trim();
  if (mode !== 'fulltext' || sort !== 'relevance' || !q || !noFilter(input)) return undefined;
  if (isPlainQuery(q)) return posted(input, q, cursor);
  return cursor ? undefined : search(input, q);
};
