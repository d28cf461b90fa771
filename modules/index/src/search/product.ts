import { preparedSql } from '@rustok/db';
import { indexErrors } from '../errors.js';
import type { StoreContext } from './context.js';

const json = (column: string) => `coalesce(to_json(${column})::text, 'null')`;

/**
 * The product as the route answers it, put together from the row's stored list item (summary) and
 * the detail's own fields, as text: nothing is parsed or serialised again on the way out. A test holds
 * it equal to the object built from the row's columns.
 */
const DETAIL_SQL = preparedSql(
  'index_product_detail',
  `SELECT left(summary, -1) || ',"description":' || ${json('description')} || ',"seoTitle":' || ${json('seo_title')}
          || ',"seoDescription":' || ${json('seo_description')} || ',"currencies":' || coalesce(to_json(currencies)::text, '[]')
          || ',"variants":' || coalesce(variants::text, '[]') || ',"images":' || coalesce(images::text, '[]') || '}' AS detail
     FROM index_products
    WHERE tenant_id = $1::uuid AND locale = $2 AND handle = $3 AND status = 'published'
    ORDER BY published_at DESC LIMIT 1`,
);

/** GET /store/products/{handle}: the published product with that handle, in the locale, as the JSON text of the answer. */
export const productText = async (ctx: StoreContext, handle: string, locale: string | undefined): Promise<string> => {
  const { rows } = await ctx.db.tenantRead<{ detail: string }>(ctx.tenantId, DETAIL_SQL, [
    ctx.tenantId,
    locale ?? ctx.defaultLocale,
    handle,
  ]);
  const detail = rows[0]?.detail;
  if (!detail) throw indexErrors.INDEX_PRODUCT_NOT_FOUND(`No published product "${handle.slice(0, 200)}"`);
  return detail;
};
