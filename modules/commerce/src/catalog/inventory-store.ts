import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT, type InventoryEventPayload } from '../events.js';
import { toMinor } from '../money.js';

/**
 * Sets a variant's available stock (an administrator's count). The stock row is locked, its version
 * grows by one and commerce.inventory.adjusted carries the delta; setting the same number again is
 * no change and publishes nothing. Returns the stock's version.
 */
export const setAvailable = async (w: CommerceTx, variant: { id: string; productId: string }, available: number): Promise<number> => {
  const { rows } = await w.tx.query<{ available: number; version: unknown }>(
    'SELECT available, version FROM commerce_inventory WHERE variant_id = $1 FOR UPDATE',
    [variant.id],
  );
  const current = rows[0];
  if (current && current.available === available) return toMinor(current.version);
  const { rows: saved } = await w.tx.query<{ version: unknown }>(
    `INSERT INTO commerce_inventory (variant_id, available) VALUES ($1, $2)
     ON CONFLICT (variant_id) DO UPDATE SET available = $2, version = commerce_inventory.version + 1, updated_at = now()
     RETURNING version`,
    [variant.id, available],
  );
  const payload: InventoryEventPayload = {
    variantId: variant.id,
    productId: variant.productId,
    delta: available - (current?.available ?? 0),
    available,
    reason: 'set',
    orderId: null,
  };
  await w.publish(COMMERCE_EVENT.inventoryAdjusted, payload);
  return toMinor(saved[0]?.version ?? 1);
};
