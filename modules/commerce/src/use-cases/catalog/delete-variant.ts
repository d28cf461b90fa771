import { loadProduct, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { variantEvent } from '../../catalog/variant-store.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import { PERM } from './access.js';

import { loadProductVariant } from './variant-common.js';

/** DELETE /commerce/products/{id}/variants/{variantId}: the variant with its prices and stock. */
export const deleteVariant = (ctx: CommerceContext, productId: string, variantId: string): Promise<void> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.write);
    await loadProduct(w, productId, true);
    const head = await loadProductVariant(w, productId, variantId);
    await w.tx.query('DELETE FROM commerce_variants WHERE id = $1', [variantId]);
    await w.publish(COMMERCE_EVENT.variantDeleted, variantEvent(variantId, productId, head.sku));
    await touchProduct(w, productId, undefined, ['variants']);
  });
