import type { SqlRunner } from '@rustok/kernel';
import { commerceErrors } from '../../errors.js';
import type { ShortLine } from '../../schemas/order.js';

/** One line's claim on stock. Only variants that manage inventory are claimed. */
export interface StockClaim {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string | null;
  readonly quantity: number;
  readonly allowBackorder: boolean;
}

export interface StockTaken extends StockClaim {
  /** Available stock after the reservation (negative only for backorders). */
  readonly available: number;
}

/** A stock row as the order statement saw it: locked `available`, and `after` unless the condition failed. */
export interface StockRow {
  readonly variant_id: string;
  readonly available: number;
  readonly after: number | null;
}

/** Claims in the one order every checkout locks stock rows in (by variant id): queues, no deadlocks. */
export const inLockOrder = (claims: readonly StockClaim[]): StockClaim[] =>
  [...claims].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));

/** Backorderable variants need a stock row to go below zero: creates the missing ones (0). */
export const ensureBackorderRows = async (tx: SqlRunner, claims: readonly StockClaim[]): Promise<void> => {
  const ids = claims.filter((c) => c.allowBackorder).map((c) => c.variantId);
  if (ids.length === 0) return;
  await tx.query(
    'INSERT INTO commerce_inventory (variant_id, available) SELECT unnest($1::uuid[]), 0 ON CONFLICT (variant_id) DO NOTHING',
    [ids],
  );
};

/**
 * What the order statement did with the claims: every claim taken, or 409
 * COMMERCE_INSUFFICIENT_STOCK naming every short line (requested, available) — the caller's
 * transaction then rolls back, so nothing of the attempt stays.
 */
export const stockOutcome = (sorted: readonly StockClaim[], rows: readonly StockRow[]): StockTaken[] => {
  const byId = new Map(rows.map((r) => [r.variant_id, r]));
  const short: ShortLine[] = sorted
    .filter((c) => (byId.get(c.variantId)?.after ?? null) === null)
    .map((c) => ({
      variantId: c.variantId,
      sku: c.sku,
      requested: c.quantity,
      available: Math.max(0, byId.get(c.variantId)?.available ?? 0),
    }));
  if (short.length > 0) {
    throw commerceErrors.COMMERCE_INSUFFICIENT_STOCK(
      `Not enough stock for ${short.map((s) => `${s.sku ?? s.variantId} (requested ${s.requested}, available ${s.available})`).join('; ')}`,
      { meta: { lines: short } },
    );
  }
  return sorted.map((c) => ({ ...c, available: byId.get(c.variantId)?.after ?? 0 }));
};
