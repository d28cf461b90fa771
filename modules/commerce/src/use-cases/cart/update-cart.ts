import { parseInput } from '@rustok/kernel';
import type { CommerceContext } from '../../context.js';
import { type Cart, UpdateCartInput } from '../../schemas/cart.js';
import { loadTerms } from '../checkout/terms.js';
import type { CartKey } from './cart-store.js';
import { changeCart } from './cart-tx.js';

const COLUMNS = {
  email: 'email',
  countryCode: 'country_code',
  discountCode: 'discount_code',
  shippingOptionId: 'shipping_option_id',
} as const;

/**
 * PATCH /store/carts/{id}: email, destination country (tax), discount code and shipping option;
 * null clears one. A code or option that does not apply now is refused (422, or 409 when the
 * code's usage limit is reached).
 */
export const updateCart = (ctx: CommerceContext, key: CartKey, raw: UpdateCartInput): Promise<Cart> => {
  const input = parseInput(UpdateCartInput, raw);
  const patch = { ...input, ...(typeof input.discountCode === 'string' ? { discountCode: input.discountCode.toUpperCase() } : {}) };
  return changeCart(ctx, key, async (w, cart) => {
    const terms = await loadTerms(w.tx, {
      countryCode: null,
      shippingOptionId: patch.shippingOptionId ?? null,
      discountCode: patch.discountCode ?? null,
      currencyCode: cart.currency_code,
      at: new Date(),
    });
    if (terms.shippingProblem) throw terms.shippingProblem;
    if (terms.discountProblem) throw terms.discountProblem;
    const keys = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((k) => patch[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ');
    await w.tx.query(`UPDATE commerce_carts SET ${sets} WHERE id = $1`, [cart.id, ...keys.map((k) => patch[k])]);
  });
};
