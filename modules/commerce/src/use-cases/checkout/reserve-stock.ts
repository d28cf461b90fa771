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
const ensureRows = async (tx: SqlRunner, missing: readonly string[]): Promise<void> => {
  await tx.query('INSERT INTO commerce_inventory (variant_id, available) SELECT unnest($1::uuid[]), 0 ON CONFLICT (variant_id) DO NOTHING', [
    missing,
  ]);
};

// One round trip: the CTE locks the rows in variant-id order (materialized, so the UPDATE only
// touches rows it has locked already), then the conditional UPDATE takes the quantities. Rows
// whose condition fails come back with `after` NULL and the locked `available`.
const RESERVE_SQL = `
WITH locked AS MATERIALIZED (
  SELECT variant_id, available FROM commerce_inventory WHERE variant_id = ANY($1::uuid[]) ORDER BY variant_id FOR UPDATE
), taken AS (
  UPDATE commerce_inventory AS i SET available = i.available - r.quantity, version = i.version + 1, updated_at = now()
    FROM unnest($1::uuid[], $2::int[], $3::bool[]) AS r(variant_id, quantity, backorder), locked AS l
   WHERE l.variant_id = r.variant_id AND i.variant_id = r.variant_id AND (i.available >= r.quantity OR r.backorder)
   RETURNING i.variant_id, i.available
)
SELECT l.variant_id, l.available, t.available AS after FROM locked AS l LEFT JOIN taken AS t ON t.variant_id = l.variant_id`;

interface ReserveRow {
  variant_id: string;
  available: number;
  after: number | null;
  [key: string]: unknown;
}

const take = async (tx: SqlRunner, sorted: readonly StockClaim[]): Promise<Map<string, ReserveRow>> => {
  const { rows } = await tx.query<ReserveRow>(RESERVE_SQL, [
    sorted.map((c) => c.variantId),
    sorted.map((c) => c.quantity),
    sorted.map((c) => c.allowBackorder),
  ]);
  return new Map(rows.map((r) => [r.variant_id, r]));
};

/**
 * Takes stock for every claim or for none. The inventory rows are locked in one fixed order (by
 * variant id), so checkouts of mixed carts queue behind each other instead of deadlocking, and the
 * quantities are taken by a conditional UPDATE (`available >= quantity`, unless backorders are
 * allowed), all in one statement. Any short line → 409 COMMERCE_INSUFFICIENT_STOCK naming every
 * short line; the caller's transaction rolls back, so nothing of the order stays.
 */
export const reserveStock = async (tx: SqlRunner, claims: readonly StockClaim[]): Promise<StockTaken[]> => {
  if (claims.length === 0) return [];
  const sorted = [...claims].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  const result = await take(tx, sorted);
  const missing = sorted.filter((c) => c.allowBackorder && !result.has(c.variantId));
  if (missing.length > 0) {
    // Backorderable variants without a stock row yet: create the rows (ours, locked) and take from them.
    await ensureRows(tx, missing.map((c) => c.variantId));
    for (const [id, row] of await take(tx, missing)) result.set(id, row);
  }
  const short = sorted
    .filter((c) => (result.get(c.variantId)?.after ?? null) === null)
    .map((c) => ({ variantId: c.variantId, sku: c.sku, requested: c.quantity, available: Math.max(0, result.get(c.variantId)?.available ?? 0) }));
  if (short.length > 0) throw insufficient(short);
  return sorted.map((c) => ({ ...c, available: result.get(c.variantId)?.after ?? 0 }));
};
