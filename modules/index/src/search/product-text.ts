import { preparedSql } from '@rustok/db';
import type { StoreProductsQuery } from '../schemas.js';
import type { StoreContext } from './context.js';
import { decodeCursor, encodeCursor } from './sql.js';

const NEWEST_TEXT_SQL = preparedSql(
  'index_products_newest_text',
  'SELECT items, more, last_key, last_id FROM index_products_newest_text($1, $2, $3, $4, $5, $6, $7, $8)',
);

type TextPage = {
  items: string;
  more: boolean;
  last_key: string | null;
  last_id: string | null;
};

/** The plain newest list (optionally by category, tag and stock): no search, no price filter or sort, no facets. */
const isNewestList = (query: StoreProductsQuery): boolean =>
  !query.q?.trim() &&
  (query.sort ?? 'newest') === 'newest' &&
  query.minPrice === undefined &&
  query.maxPrice === undefined &&
  !query.facets;

/**
 * GET /store/products for the newest list, as the JSON text of its answer: the rows' stored list
 * items joined by the database (index_products_newest_text), sent as they are. The same answer as
 * listProducts gives for that query (a test compares them); undefined for any other list.
 */
export const newestListText = async (ctx: StoreContext, query: StoreProductsQuery): Promise<string | undefined> => {
  if (!isNewestList(query)) return undefined;
  const cursor = decodeCursor(query.cursor, 'newest');
  if (cursor && cursor.mode !== 'all') return undefined;
  const { rows } = await ctx.db.query<TextPage>(NEWEST_TEXT_SQL, [
    ctx.tenantId,
    query.locale ?? ctx.defaultLocale,
    query.limit,
    cursor?.key ?? null,
    cursor?.id ?? null,
    query.category ?? null,
    query.tag ?? null,
    query.inStock ?? null,
  ]);
  const page = rows[0];
  if (!page) return undefined;
  const next = page.more && page.last_id ? encodeCursor({ mode: 'all', sort: 'newest', key: page.last_key, id: page.last_id }) : null;
  return `{"items":${page.items},"nextCursor":${JSON.stringify(next)},"match":"all"}`;
};
