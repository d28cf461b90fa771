import { preparedSql } from '@rustok/db';
import { indexErrors } from '../errors.js';
import type { StoreProduct, StoreVariant } from '../schemas.js';
import type { StoreContext } from './context.js';
import { type ProductRowOut, toSummary } from './products.js';

interface ProductDetailRow extends ProductRowOut {
  description: string | null;
  seo_title: string | null;
  seo_description: string | null;
  currencies: string[];
  variants: StoreVariant[];
  images: StoreProduct['images'];
}

const BY_HANDLE_SQL = preparedSql('index_product_by_handle', 'SELECT index_product_by_handle($1, $2, $3) AS r');

/** GET /store/products/{handle}: the published product with that handle, in the locale (index_product_by_handle). */
export const getProduct = async (ctx: StoreContext, handle: string, locale: string | undefined): Promise<StoreProduct> => {
  const { rows } = await ctx.db.query<{ r: ProductDetailRow | null }>(BY_HANDLE_SQL, [ctx.tenantId, locale ?? ctx.defaultLocale, handle]);
  const r = rows[0]?.r;
  if (!r) throw indexErrors.INDEX_PRODUCT_NOT_FOUND(`No published product "${handle.slice(0, 200)}"`);
  return {
    ...toSummary(r),
    description: r.description,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    currencies: r.currencies,
    variants: r.variants,
    images: r.images,
  };
};
