import { parseInput } from '@rustok/kernel';

import { variantNotFound } from '../../catalog/errors.js';

import { setAvailable } from '../../catalog/inventory-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { loadVariantHead } from '../../catalog/variant-store.js';

import { type CommerceContext, type CommerceTx, inTenant, requirePermission } from '../../context.js';
import { toMinor } from '../../money.js';

import { SetInventoryInput } from '../../schemas/catalog.js';

import type { InventoryView } from '../../schemas/catalog-views.js';

import { iso } from '../../time.js';

import { PERM } from './access.js';

interface StockRow {
  product_id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
  available: number | null;
  version: unknown;
  updated_at: Date | string | null;
  [key: string]: unknown;
}

const readInventory = async (w: CommerceTx, variantId: string): Promise<InventoryView> => {
  const { rows } = await w.tx.query<StockRow>(
    `SELECT v.product_id, v.manage_inventory, v.allow_backorder, i.available, i.version, i.updated_at
       FROM commerce_variants v LEFT JOIN commerce_inventory i ON i.variant_id = v.id WHERE v.id = $1`,
    [variantId],
  );
  const r = rows[0];
  if (!r) throw variantNotFound(variantId);
  return {
    variantId,
    productId: r.product_id,
    available: r.available ?? 0,
    version: r.version === null ? 0 : toMinor(r.version),
    manageInventory: r.manage_inventory,
    allowBackorder: r.allow_backorder,
    updatedAt: r.updated_at === null ? null : iso(r.updated_at),
  };
};

/** GET /commerce/inventory/{variantId}: the variant's stock and its version. */
export const getInventory = (ctx: CommerceContext, variantId: string): Promise<InventoryView> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, PERM.read);
    return readInventory(w, variantId);
  });

/**
 * PUT /commerce/inventory/{variantId} { available }: sets the count; commerce.inventory.adjusted
 * carries the delta and the stock version grows (nothing happens when the count is unchanged).
 */
export const setInventory = (ctx: CommerceContext, variantId: string, raw: SetInventoryInput): Promise<InventoryView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.inventory);
    const input = parseInput(SetInventoryInput, raw);
    // Locked, so a deletion running meanwhile either waits for this or makes it a 404.
    const head = await loadVariantHead(w, variantId, true);
    await setAvailable(w, { id: variantId, productId: head.product_id }, input.available);
    return readInventory(w, variantId);
  });
