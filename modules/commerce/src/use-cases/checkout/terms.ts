import type { AppError, SqlRunner } from '@rustok/kernel';
import { commerceErrors } from '../../errors.js';
import { toMinor } from '../../money.js';
import type { ShippingChoice } from '../../schemas/cart.js';
import { computeTotals, type DiscountRule, type Totals } from '../../totals.js';
import type { PricedLine } from '../cart/price-lines.js';

interface AppliedDiscount {
  readonly id: string;
  readonly code: string;
  readonly rule: DiscountRule;
}

/** The shop's terms for one cart: the destination's tax rate, the chosen shipping and the discount code. */
export interface ShopTerms {
  readonly taxRateBp: number;
  readonly shipping: ShippingChoice | null;
  readonly discount: AppliedDiscount | null;
  /** Why the chosen shipping option or discount code does not apply (they count for nothing then). */
  readonly shippingProblem: AppError | null;
  readonly discountProblem: AppError | null;
}

export interface TermsQuery {
  readonly countryCode: string | null;
  readonly shippingOptionId: string | null;
  readonly discountCode: string | null;
  readonly currencyCode: string;
  readonly at: Date;
}

interface ShippingJson {
  id: string;
  name: string;
  currency_code: string;
  amount: number | string;
  active: boolean;
}
interface DiscountJson {
  id: string;
  code: string;
  kind: 'percentage' | 'fixed';
  value: number | string;
  currency_code: string | null;
  usage_limit: number | null;
  usage_count: number;
  starts_at: string | null;
  ends_at: string | null;
  active: boolean;
}

const shippingOf = (s: ShippingJson | null, q: TermsQuery): { choice: ShippingChoice | null; problem: AppError | null } => {
  if (q.shippingOptionId === null) return { choice: null, problem: null };
  if (!s?.active || s.currency_code !== q.currencyCode) {
    const why = !s ? 'does not exist' : !s.active ? 'is not active' : `is priced in ${s.currency_code}, not ${q.currencyCode}`;
    return { choice: null, problem: commerceErrors.COMMERCE_SHIPPING_OPTION_INVALID(`Shipping option ${q.shippingOptionId} ${why}`) };
  }
  return { choice: { id: s.id, name: s.name, amount: toMinor(s.amount) }, problem: null };
};

/** Why a discount code cannot be used now for this currency, or null when it can. */
const discountProblemOf = (d: DiscountJson | null, code: string, currencyCode: string, at: Date): AppError | null => {
  const invalid = (why: string) => commerceErrors.COMMERCE_DISCOUNT_INVALID(`Discount code ${code} ${why}`);
  if (!d?.active) return invalid('does not exist or is not active');
  if (d.starts_at !== null && new Date(d.starts_at).getTime() > at.getTime()) return invalid('has not started yet');
  if (d.ends_at !== null && new Date(d.ends_at).getTime() <= at.getTime()) return invalid('has ended');
  if (d.kind === 'fixed' && d.currency_code !== currencyCode) return invalid(`is an amount in ${d.currency_code}, not ${currencyCode}`);
  if (d.usage_limit !== null && d.usage_count >= d.usage_limit) {
    return commerceErrors.COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED(`Discount code ${code} has been used ${d.usage_limit} time(s), its limit`);
  }
  return null;
};

/** Tax rate, shipping option and discount code of a cart in one round trip. */
export const loadTerms = async (tx: SqlRunner, q: TermsQuery): Promise<ShopTerms> => {
  const { rows } = await tx.query<{ rate_bp: number | null; shipping: ShippingJson | null; discount: DiscountJson | null }>(
    `SELECT (SELECT rate_bp FROM commerce_tax_rates WHERE country_code = $1) AS rate_bp,
            (SELECT row_to_json(s) FROM (SELECT id, name, currency_code, amount, active FROM commerce_shipping_options WHERE id = $2) s) AS shipping,
            (SELECT row_to_json(d) FROM (SELECT id, code, kind, value, currency_code, usage_limit, usage_count, starts_at, ends_at, active
                                           FROM commerce_discounts WHERE code = $3) d) AS discount`,
    [q.countryCode, q.shippingOptionId, q.discountCode],
  );
  const row = rows[0];
  const shipping = shippingOf(row?.shipping ?? null, q);
  const d = row?.discount ?? null;
  const discountProblem = q.discountCode === null ? null : discountProblemOf(d, q.discountCode, q.currencyCode, q.at);
  const discount =
    q.discountCode !== null && d && !discountProblem ? { id: d.id, code: d.code, rule: { kind: d.kind, value: toMinor(d.value) } } : null;
  return { taxRateBp: row?.rate_bp ?? 0, shipping: shipping.choice, shippingProblem: shipping.problem, discount, discountProblem };
};

/** The totals of priced lines under the shop's terms (lines with a problem must be left out by the caller). */
export const totalsOf = (lines: readonly PricedLine[], terms: ShopTerms): Totals =>
  computeTotals({
    lines: lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, discountable: l.variant?.discountable ?? false })),
    discount: terms.discount?.rule ?? null,
    taxRateBp: terms.taxRateBp,
    shipping: terms.shipping?.amount ?? 0,
  });
