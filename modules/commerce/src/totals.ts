import { commerceErrors } from './errors.js';
import { addMinor, allocate, applyBasisPoints, type Minor, mulMinor } from './money.js';

/** One priced line as the totals see it. */
interface TotalsLineInput {
  readonly unitPrice: Minor;
  readonly quantity: number;
  /** False for products that take no discount: such a line gets none of the discount. */
  readonly discountable: boolean;
}

/** A discount code's rule: `percentage` in basis points (1000 = 10 %), `fixed` in minor units. */
export interface DiscountRule {
  readonly kind: 'percentage' | 'fixed';
  readonly value: number;
}

export interface TotalsInput {
  readonly lines: readonly TotalsLineInput[];
  readonly discount: DiscountRule | null;
  /** Tax rate of the destination in basis points (2000 = 20 %), 0 when the shop has none for it. */
  readonly taxRateBp: number;
  /** Flat shipping amount (untaxed). */
  readonly shipping: Minor;
}

interface LineTotals {
  readonly subtotal: Minor;
  readonly discountTotal: Minor;
  readonly taxTotal: Minor;
  /** subtotal − discountTotal + taxTotal */
  readonly total: Minor;
}

export interface Totals {
  readonly lines: readonly LineTotals[];
  readonly subtotal: Minor;
  readonly discountTotal: Minor;
  readonly taxTotal: Minor;
  readonly shippingTotal: Minor;
  /** Σ line totals + shipping = subtotal − discountTotal + taxTotal + shippingTotal */
  readonly total: Minor;
}

/** What a discount takes off a discountable base: a percentage rounded half up, or a fixed amount capped at the base. */
const discountAmount = (rule: DiscountRule | null, base: Minor): Minor => {
  if (!rule || base <= 0) return 0;
  if (rule.kind === 'percentage') return applyBasisPoints(base, Math.min(rule.value, 10_000));
  return Math.min(rule.value, base);
};

const checkInput = (input: TotalsInput): void => {
  const bad =
    input.lines.some((l) => !Number.isSafeInteger(l.unitPrice) || l.unitPrice < 0 || !Number.isInteger(l.quantity) || l.quantity < 1) ||
    !Number.isInteger(input.taxRateBp) ||
    input.taxRateBp < 0 ||
    input.taxRateBp > 10_000 ||
    !Number.isSafeInteger(input.shipping) ||
    input.shipping < 0;
  if (bad) throw commerceErrors.COMMERCE_TOTALS_INVALID('Totals need non-negative integer amounts and quantities');
};

/**
 * The totals of a cart or order, all in integer minor units:
 * - line subtotal = unit price × quantity;
 * - the discount is computed once on the discountable lines' subtotal and split over them in
 *   proportion to their subtotals (largest remainder), so the parts add up to it exactly;
 * - line tax = rate × (subtotal − discount), rounded half up per line; shipping is not taxed;
 * - line total = subtotal − discount + tax; order total = Σ line totals + shipping.
 */
export const computeTotals = (input: TotalsInput): Totals => {
  checkInput(input);
  const subtotals = input.lines.map((l) => mulMinor(l.unitPrice, l.quantity));
  const weights = input.lines.map((l, i) => (l.discountable ? (subtotals[i] ?? 0) : 0));
  const discount = discountAmount(input.discount, addMinor(...weights));
  const discounts = discount === 0 ? weights.map(() => 0) : allocate(discount, weights);
  const lines = subtotals.map((subtotal, i): LineTotals => {
    const discountTotal = discounts[i] ?? 0;
    const taxTotal = applyBasisPoints(subtotal - discountTotal, input.taxRateBp);
    return { subtotal, discountTotal, taxTotal, total: addMinor(subtotal - discountTotal, taxTotal) };
  });
  const sum = (pick: (l: LineTotals) => Minor) => addMinor(...lines.map(pick));
  return {
    lines,
    subtotal: sum((l) => l.subtotal),
    discountTotal: sum((l) => l.discountTotal),
    taxTotal: sum((l) => l.taxTotal),
    shippingTotal: input.shipping,
    total: addMinor(
      sum((l) => l.total),
      input.shipping,
    ),
  };
};
