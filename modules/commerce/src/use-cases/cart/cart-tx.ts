import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import type { Cart } from '../../schemas/cart.js';
import { loadCommerceSettings } from '../../settings.js';
import { type CartRow, touchOpenCart } from './cart-store.js';
import { buildCartView } from './cart-view.js';

/**
 * One change of an open cart: locks it (409 when completed or expired), pushes its expiry out by
 * the tenant's cart lifetime, runs the change and answers the re-priced cart. The cart id is the
 * capability: store routes are public.
 */
export const changeCart = (ctx: CommerceContext, cartId: string, change: (w: CommerceTx, cart: CartRow) => Promise<void>): Promise<Cart> =>
  inTenant(ctx, async (w) => {
    const settings = await loadCommerceSettings(w.tx);
    const cart = await touchOpenCart(w.tx, cartId, settings.cartTtlHours);
    await change(w, cart);
    const { rows } = await w.tx.query<CartRow>(
      `SELECT id, status, currency_code, customer_id, email, country_code, discount_code, shipping_option_id,
              order_id, expires_at, created_at, updated_at FROM commerce_carts WHERE id = $1`,
      [cartId],
    );
    return buildCartView(w.tx, rows[0] ?? cart);
  });
