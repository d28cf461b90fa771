import type { StoreProduct, StoreProductPage } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';

export type GridProduct = StoreProductPage['items'][number];

/** The public product read by id: only its handle matters here. */
interface ProductById {
  readonly handle: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A product the newest page did not hold: its handle by id, then its storefront summary by handle. */
const oneById = async (ctx: PageContext, id: string): Promise<GridProduct | undefined> => {
  const byId = await ctx.api.get<ProductById>(`/commerce/products/${id}`, { locale: ctx.locale });
  if (!byId.ok) return undefined;
  const product = await ctx.api.get<StoreProduct>(`/store/products/${byId.value.handle}`, { locale: ctx.locale });
  return product.ok ? product.value : undefined;
};

/**
 * The published products a grid names, in its order (unpublished or unknown ids left out): one page
 * of the newest products covers a small catalogue in one call; the rest are read one by one.
 */
export const productsByIds = async (ctx: PageContext, ids: readonly string[]): Promise<GridProduct[]> => {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return [];
  const page = await ctx.api.get<StoreProductPage>('/store/products', {
    locale: ctx.locale,
    currency: ctx.currency,
    sort: 'newest',
    limit: 100,
  });
  const found = new Map((page.ok ? page.value.items : []).filter((p) => wanted.includes(p.id)).map((p) => [p.id, p]));
  const missing = wanted.filter((id) => !found.has(id));
  const more = await Promise.all(missing.map((id) => oneById(ctx, id)));
  for (const product of more) if (product) found.set(product.id, product);
  return wanted.map((id) => found.get(id)).filter((p): p is GridProduct => p !== undefined);
};
