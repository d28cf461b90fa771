import type { CommerceContext } from './context.js';
import type { ProductView } from './schemas/catalog-views.js';
import { getProduct } from './use-cases/catalog/get-product.js';
import { applyProductUpdate } from './use-cases/catalog/update-product.js';

/** What a product read through the contract answers (the admin API's product view). */
export type CatalogProduct = ProductView;

/**
 * Product reads and tag writes for other modules acting for an actor (a tenant's script runs as
 * its service role): the catalog's own use-cases, so permissions, validation and events are the
 * same as over the API.
 */
export const readCatalogProduct = (ctx: CommerceContext, id: string): Promise<CatalogProduct> => getProduct(ctx, id);

/**
 * Replaces a product's tags (commerce.products.write); publishes commerce.product.updated. The
 * product-write checks do not run: the module writing here (a tenant's script) is the one behind them.
 */
export const setCatalogProductTags = (ctx: CommerceContext, id: string, tags: readonly string[]): Promise<CatalogProduct> =>
  applyProductUpdate(ctx, id, { tags: [...new Set(tags)] });
