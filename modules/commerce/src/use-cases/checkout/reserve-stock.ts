import type { SqlRunner } from '@rustok/kernel';
import type { ShortLine } from '../../schemas/order.js';
import { conflict } from '../orders/kit.js';

/** One line's claim on stock. Only variants that manage inventory are passed in. */
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

const insufficient = (short: readonly ShortLine[]) =>
  conflict(
    'COMMERCE_INSUFFICIENT_STOCK',
    `Not enough stock for ${short.map((s) => `${s.sku ?? s.variantId} (requested ${s.requested}, available ${s.available})`).join('; ')}`,
    { lines: short },
  );

/** Rows for backorderable variants that have none yet, so that they can go below zero. */
const ensureRows = async (tx: SqlRunner, claims: readonly StockClaim[], have: ReadonlySet<string>): Promise<boolean> => {
  const missing = claims.filter((c) => c.allowBackorder && !have.has(c.variantId)).map((c) => c.variantId);
  if (missing.length === 0) return false;
  await tx.query(
    'INSERT INTO commerce_inventory (variant_id, available) SELECT unnest($1::uuid[]), 0 ON CONFLICT (variant_id) DO NOTHING',
    [missing],
  );
  return true;
};

const lockRows = async (tx: SqlRunner, ids: readonly string[]): Promise<Map<string, number>> => {
  const { rows } = await tx.query<{ variant_id: string; available: number }>(
    'SELECT variant_id, available FROM commerce_inventory WHERE variant_id = ANY($1::uuid[]) ORDER BY variant_id FOR UPDATE',
    [ids],
  );
  return new Map(rows.map((r) => [r.variant_id, r.available]));
};

/**
 * Takes stock for every claim or for none. The inventory rows are locked in one fixed order (by
 * variant id), so checkouts of mixed carts queue behind each other instead of deadlocking; then
 * one conditional UPDATE takes the quantities (`available >= quantity`, unless backorders are
 * allowed). Any short line → 409 COMMERCE_INSUFFICIENT_STOCK naming every short line; the caller's
 * transaction rolls back, so nothing of the order stays.
 */
export const reserveStock = async (tx: SqlRunner, claims: readonly StockClaim[]): Promise<StockTaken[]> => {
  if (claims.length === 0) return [];
  const sorted = [...claims].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  const ids = sorted.map((c) => c.variantId);
  let locked = await lockRows(tx, ids);
  if (await ensureRows(tx, sorted, new Set(locked.keys()))) locked = await lockRows(tx, ids);
  const short = sorted
    .filter((c) => !c.allowBackorder && (locked.get(c.variantId) ?? 0) < c.quantity)
    .map((c) => ({ variantId: c.variantId, sku: c.sku, requested: c.quantity, available: Math.max(0, locked.get(c.variantId) ?? 0) }));
  if (short.length > 0) throw insufficient(short);
  const { rows } = await tx.query<{ variant_id: string; available: number }>(
    `UPDATE commerce_inventory AS i SET available = i.available - r.quantity, version = i.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::bool[]) AS r(variant_id, quantity, backorder)
      WHERE i.variant_id = r.variant_id AND (i.available >= r.quantity OR r.backorder)
      RETURNING i.variant_id, i.available`,
    [ids, sorted.map((c) => c.quantity), sorted.map((c) => c.allowBackorder)],
  );
  const after = new Map(rows.map((r) => [r.variant_id, r.available]));
  const missed = sorted.filter((c) => !after.has(c.variantId));
  if (missed.length > 0) {
    throw insufficient(missed.map((c) => ({ variantId: c.variantId, sku: c.sku, requested: c.quantity, available: 0 })));
  }
  return sorted.map((c) => ({ ...c, available: after.get(c.variantId) ?? 0 }));
};
