import type { CommerceTx } from '../../context.js';
import { COMMERCE_EVENT, type InventoryEventPayload } from '../../events.js';

/**
 * Puts the stock an order still holds back on the shelf: its held reservations become released and
 * each variant's available stock grows by the quantity (rows locked in variant-id order, as checkout
 * does, so the two never deadlock). One commerce.inventory.adjusted per variant with `reason`.
 * Variants deleted since are skipped. Returns whether anything went back.
 */
export const returnStock = async (w: CommerceTx, orderId: string, reason: 'release' | 'restock'): Promise<boolean> => {
  const { rows: held } = await w.tx.query<{ variant_id: string; quantity: number }>(
    `UPDATE commerce_reservations SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'held'
     RETURNING variant_id, quantity`,
    [orderId],
  );
  if (held.length === 0) return false;
  const qty = new Map<string, number>();
  for (const r of held) qty.set(r.variant_id, (qty.get(r.variant_id) ?? 0) + r.quantity);
  const ids = [...qty.keys()].sort();
  await w.tx.query('SELECT variant_id FROM commerce_inventory WHERE variant_id = ANY($1::uuid[]) ORDER BY variant_id FOR UPDATE', [ids]);
  const { rows } = await w.tx.query<{ variant_id: string; available: number; product_id: string }>(
    `UPDATE commerce_inventory AS i SET available = i.available + r.quantity, version = i.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS r(variant_id, quantity), commerce_variants v
      WHERE i.variant_id = r.variant_id AND v.id = i.variant_id
      RETURNING i.variant_id, i.available, v.product_id`,
    [ids, ids.map((id) => qty.get(id) ?? 0)],
  );
  await w.publishAll(
    rows.map((r) => ({
      type: COMMERCE_EVENT.inventoryAdjusted,
      payload: {
        variantId: r.variant_id,
        productId: r.product_id,
        delta: qty.get(r.variant_id) ?? 0,
        available: r.available,
        reason,
        orderId,
      } satisfies InventoryEventPayload,
    })),
  );
  return rows.length > 0;
};

/** The goods left: held reservations are consumed (no stock moves). */
export const consumeReservations = async (w: CommerceTx, orderId: string): Promise<void> => {
  await w.tx.query(`UPDATE commerce_reservations SET status = 'consumed', updated_at = now() WHERE order_id = $1 AND status = 'held'`, [
    orderId,
  ]);
};
