import type { SqlRunner } from '@rustok/kernel';
import { toMinor } from '../money.js';
import type { PriceCandidate } from './resolve.js';

interface PriceRow {
  id: string;
  variant_id: string;
  currency_code: string;
  amount: unknown;
  min_quantity: number;
  price_list_id: string | null;
  list_kind: 'sale' | 'override' | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  [key: string]: unknown;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/**
 * Every price of the given variants in one currency, with their list's kind and window (inactive
 * lists left out), grouped by variant. Run inside the tenant's transaction.
 */
export const loadPriceCandidates = async (
  tx: SqlRunner,
  variantIds: readonly string[],
  currencyCode: string,
): Promise<Map<string, PriceCandidate[]>> => {
  const out = new Map<string, PriceCandidate[]>();
  if (variantIds.length === 0) return out;
  const { rows } = await tx.query<PriceRow>(
    `SELECT p.id, p.variant_id, p.currency_code, p.amount, p.min_quantity, p.price_list_id,
            l.kind AS list_kind, l.starts_at, l.ends_at
       FROM commerce_prices p LEFT JOIN commerce_price_lists l ON l.id = p.price_list_id
      WHERE p.variant_id = ANY($1::uuid[]) AND p.currency_code = $2 AND (p.price_list_id IS NULL OR l.active)`,
    [variantIds, currencyCode],
  );
  for (const r of rows) {
    const candidate: PriceCandidate = {
      id: r.id,
      variantId: r.variant_id,
      currencyCode: r.currency_code,
      amount: toMinor(r.amount),
      minQuantity: r.min_quantity,
      priceListId: r.price_list_id,
      listKind: r.list_kind,
      startsAt: date(r.starts_at),
      endsAt: date(r.ends_at),
    };
    out.set(r.variant_id, [...(out.get(r.variant_id) ?? []), candidate]);
  }
  return out;
};
