import { AppError } from '@rustok/kernel';
import type { StoreProduct } from '../schemas.js';
import type { StoreContext } from './context.js';
import { type ProductRowOut, toSummary } from './products.js';
import { createParams, readRows } from './sql.js';

interface ProductDetailRow extends ProductRowOut {
  description: string | null;
  seo_title: string | null;
  seo_description: string | null;
  currencies: string[];
}

const sqlOf = (p: (v: unknown) => string, tenantId: string, locale: string, handle: string) =>
  `SELECT product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
     to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso, description, seo_title, seo_description, currencies
     FROM index_products WHERE tenant_id = ${p(tenantId)}::uuid AND locale = ${p(locale)} AND handle = ${p(handle)} AND status = 'published'
     ORDER BY published_at DESC LIMIT 1`;

/** GET /store/products/{handle}: the published product with that handle, in the locale. */
export const getProduct = async (ctx: StoreContext, handle: string, locale: string | undefined): Promise<StoreProduct> => {
  const params = createParams();
  const sql = sqlOf((v) => params.p(v), ctx.tenantId, locale ?? ctx.defaultLocale, handle);
  const [r] = await readRows<ProductDetailRow>(ctx.db, ctx.tenantId, sql, params);
  if (!r)
    throw new AppError('INDEX_PRODUCT_NOT_FOUND', `No published product "${handle.slice(0, 200)}"`, { status: 404, title: 'Not found' });
  return {
    ...toSummary(r),
    description: r.description,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    currencies: r.currencies,
  };
};
