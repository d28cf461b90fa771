import { readProduct } from '../../catalog/product-read.js';

import { loadProduct, type ProductStatus, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import type { CommerceContext, CommerceTx } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import type { ProductView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings } from '../../settings.js';

import { PERM } from './access.js';

/** Writes a new status; entering `published` stamps `published_at`. No event, no version bump. */
export const writeStatus = async (w: CommerceTx, id: string, to: ProductStatus): Promise<void> => {
  await w.tx.query(
    `UPDATE commerce_products
        SET published_at = CASE WHEN $2 = 'published' AND status <> 'published' THEN now() ELSE published_at END,
            status = $2
      WHERE id = $1`,
    [id, to],
  );
};

/** The event of a change that moved a product to `to`. */
export const statusEvent = (to: ProductStatus): string =>
  to === 'published' ? COMMERCE_EVENT.productPublished : COMMERCE_EVENT.productUpdated;

/**
 * Moves a product to a status (any of draft, published, archived to any other). Asking for the
 * status it already has changes nothing and publishes nothing.
 */
const transitionInTx = async (w: CommerceTx, id: string, to: ProductStatus): Promise<void> => {
  const row = await loadProduct(w, id, true);
  if (row.status === to) return;
  await writeStatus(w, id, to);
  await touchProduct(w, id, statusEvent(to), ['status']);
};

const transition = (ctx: CommerceContext, id: string, to: ProductStatus): Promise<ProductView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.publish);
    await transitionInTx(w, id, to);
    return readProduct(w.tx, id, await loadCommerceSettings(w.tx));
  });

/** POST /commerce/products/{id}/publish: visible to the public and the storefront. */
export const publishProduct = (ctx: CommerceContext, id: string): Promise<ProductView> => transition(ctx, id, 'published');

/** POST /commerce/products/{id}/archive: hidden from the public, kept for orders and history. */
export const archiveProduct = (ctx: CommerceContext, id: string): Promise<ProductView> => transition(ctx, id, 'archived');
