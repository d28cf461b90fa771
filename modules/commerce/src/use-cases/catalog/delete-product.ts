import { loadProduct, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import { PERM } from './access.js';

/**
 * DELETE /commerce/products/{id}: the product, its variants, prices, stock and translations.
 * commerce.product.deleted carries the version after the deletion; orders keep their snapshots.
 */
export const deleteProduct = (ctx: CommerceContext, id: string): Promise<void> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.delete);
    await loadProduct(w, id, true);
    await touchProduct(w, id, COMMERCE_EVENT.productDeleted, ['deleted']);
    await w.tx.query('DELETE FROM commerce_products WHERE id = $1', [id]);
  });
