import type { StoreProductsQuery } from '../schemas.js';
import type { StoreContext } from './context.js';
import { customFilters, customSortOf } from './custom-fields.js';
import { facetsText } from './facet-memo.js';
import { keysetCondition, type Match, type SortSpec } from './match.js';
import { productFacets } from './product-facets.js';
import { PAGE_COLUMNS, type Page, type PageRow, pageOfRows, staticPage } from './product-pages.js';
import { type ProductPlanInput, productMatch, productWhere } from './product-where.js';
import {
  type Cursor,
  createParams,
  decodeCursor,
  encodeCursor,
  hasTrigram,
  type MatchMode,
  type Params,
  readRows,
  type SortName,
} from './sql.js';

const sortOf = (params: Params, sort: SortName, match: Match, input: ProductPlanInput): SortSpec => {
  const { currency, customSort } = input;
  if (customSort) {
    const key = `(custom ->> ${params.p(customSort.field)})::${customSort.cast}`;
    return { key, desc: customSort.desc, cast: customSort.cast, where: `${key} IS NOT NULL` };
  }
  if (sort === 'relevance' && match.score) return { key: match.score, desc: true, cast: 'real' };
  if (sort === 'price_asc' || sort === 'price_desc') {
    const key = `(min_prices ->> ${params.p(currency)})::bigint`;
    return { key, desc: sort === 'price_desc', cast: 'bigint', where: `${key} IS NOT NULL` };
  }
  return { key: 'published_at', desc: true, cast: 'timestamptz' };
};

const sortName = (query: StoreProductsQuery): SortName =>
  (query.sort as SortName | undefined) ?? (query.q?.trim() ? 'relevance' : 'newest');

const runPage = async (input: ProductPlanInput, mode: MatchMode, cursor: Cursor | undefined): Promise<Page> => {
  const fast = staticPage(input, mode, sortName(input.query), cursor);
  if (fast) return fast;
  const params = createParams();
  const match = productMatch(params, input, mode);
  const sort = sortOf(params, sortName(input.query), match, input);
  const where = [...productWhere(params, input, match), ...(sort.where ? [sort.where] : [])];
  if (cursor) where.push(keysetCondition(params, sort, 'product_id', cursor));
  const dir = sort.desc ? 'DESC' : 'ASC';
  const sql = `SELECT ${PAGE_COLUMNS}, (${sort.key})::text AS sort_key FROM index_products WHERE ${where.join(' AND ')}
    ORDER BY ${sort.key} ${dir}, product_id ${dir} LIMIT ${params.p(input.query.limit + 1)}::int`;
  return pageOfRows(await readRows<PageRow>(input.ctx.db, input.ctx.tenantId, sql, params, match.threshold), input.query.limit);
};

/** A page as the JSON text of its answer: the stored items as they are, joined (nothing parsed or serialised per item). */
const pageText = (input: ProductPlanInput, mode: MatchMode, page: Page, facets: string | undefined): string => {
  const nextCursor =
    page.more && page.lastId ? encodeCursor({ mode, sort: sortName(input.query), key: page.lastKey, id: page.lastId }) : null;
  return `{"items":[${page.items}],"nextCursor":${JSON.stringify(nextCursor)},"match":"${mode}"${facets ? `,"facets":${facets}` : ''}}`;
};

/**
 * GET /store/products as the JSON text of its answer: one statement on index_products (plus one for
 * facets when asked). With a query and nothing found on the first page, the typo fallback runs and
 * the page says `fuzzy`. Items are the rows' stored list items (StoreProductSummary).
 */
export const listProductsText = async (ctx: StoreContext, query: StoreProductsQuery): Promise<string> => {
  const cursor = decodeCursor(query.cursor, sortName(query));
  const input: ProductPlanInput = {
    ctx,
    query,
    locale: query.locale ?? ctx.defaultLocale,
    currency: query.currency ?? ctx.index.default_currency,
    trigram: await hasTrigram(ctx.db),
    custom: await customFilters(ctx, query),
    customSort: await customSortOf(ctx, query.sort),
  };
  let mode: MatchMode = cursor?.mode ?? (query.q?.trim() ? 'fulltext' : 'all');
  let page = await runPage(input, mode, cursor);
  if (page.items === '' && !cursor && mode === 'fulltext' && ctx.search.trigram_fallback) {
    mode = 'fuzzy';
    page = await runPage(input, mode, undefined);
  }
  const facets = query.facets ? await facetsText(input, mode, ctx.index.facet_cache_ms, () => productFacets(input, mode)) : undefined;
  return pageText(input, mode, page, facets);
};
