import type { SqlRunner } from '@rustok/kernel';
import { loadVariantsForSale, type VariantForSale } from '../../catalog/variant-read.js';
import type { Minor } from '../../money.js';
import { loadPriceCandidates } from '../../prices/load.js';
import { resolvePrice } from '../../prices/resolve.js';
import type { CART_LINE_PROBLEMS } from '../../schemas/cart.js';

export interface LineRequest {
  readonly id: string;
  readonly variantId: string;
  readonly quantity: number;
}

/** A cart line with what the catalog says about it now: the variant and its resolved unit price. */
export interface PricedLine extends LineRequest {
  readonly variant: VariantForSale | undefined;
  readonly unitPrice: Minor;
  readonly problem: (typeof CART_LINE_PROBLEMS)[number] | null;
}

/**
 * Re-reads the variants and resolves each line's unit price for the currency, its quantity and
 * `at` (base, tier, running sale lists). Lines of unpublished products or without a price in the
 * currency carry a problem and a unit price of 0.
 */
export const priceLines = async (tx: SqlRunner, lines: readonly LineRequest[], currencyCode: string, at: Date): Promise<PricedLine[]> => {
  const ids = lines.map((l) => l.variantId);
  const variants = await loadVariantsForSale(tx, ids);
  const candidates = await loadPriceCandidates(tx, ids, currencyCode);
  return lines.map((line) => {
    const variant = variants.get(line.variantId);
    if (variant?.productStatus !== 'published') return { ...line, variant, unitPrice: 0, problem: 'PRODUCT_UNAVAILABLE' };
    const price = resolvePrice(candidates.get(line.variantId) ?? [], { currencyCode, quantity: line.quantity, at });
    if (!price) return { ...line, variant, unitPrice: 0, problem: 'PRICE_MISSING' };
    return { ...line, variant, unitPrice: price.amount, problem: null };
  });
};
