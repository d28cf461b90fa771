import { parseInput } from '@rustok/kernel';

import { checkPrices, replaceBasePrices } from '../../catalog/price-store.js';

import { loadProduct, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { fieldErrors } from '../../catalog/validate.js';

import { loadVariantHead } from '../../catalog/variant-store.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { SetPricesInput } from '../../schemas/catalog.js';

import type { VariantView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings } from '../../settings.js';

import { PERM } from './access.js';

import { readVariant } from './variant-common.js';

/**
 * PUT /commerce/variants/{variantId}/prices: replaces the variant's base price set (every
 * currency and quantity tier; price lists keep theirs). An empty set removes every base price.
 */
export const setVariantPrices = (ctx: CommerceContext, variantId: string, raw: SetPricesInput): Promise<VariantView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    const input = parseInput(SetPricesInput, raw);
    const errors = fieldErrors();
    checkPrices(input.prices, '/prices', errors);
    errors.throwIfAny();
    const head = await loadVariantHead(w, variantId);
    await loadProduct(w, head.product_id, true);
    // Locked in the order a deletion takes (product, then variant): one deleted meanwhile is a 404.
    await loadVariantHead(w, variantId, true);
    await replaceBasePrices(w, { id: variantId, productId: head.product_id }, input.prices);
    await touchProduct(w, head.product_id, undefined, ['prices']);
    return readVariant(w.tx, variantId, await loadCommerceSettings(w.tx));
  });
