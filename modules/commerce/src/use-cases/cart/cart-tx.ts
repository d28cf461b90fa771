import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import type { Cart } from '../../schemas/cart.js';

import { loadCommerceSettings, settingsFirst } from '../../settings.js';

import { CART_COLUMNS, type CartKey, type CartRow, touchOpenCart } from './cart-store.js';

import { buildCartView } from './cart-view.js';

/**
 * One change of an open cart the caller reaches (its token, or the signed-in customer it belongs
 * to; 404 otherwise): locks it (409 when completed or expired), pushes its expiry out by the
 * tenant's cart lifetime, runs the change and answers the re-priced cart.
 */
export const changeCart = (ctx: CommerceContext, key: CartKey, change: (w: CommerceTx, cart: CartRow) => Promise<void>): Promise<Cart> =>
  inTenant(
    ctx,
    async (w) => {
      const settings = await loadCommerceSettings(w.tx);
      const cart = await touchOpenCart(w.tx, key, w.actor.userId, settings.cartTtlHours);
      await change(w, cart);
      const { rows } = await w.tx.query<CartRow>(`SELECT ${CART_COLUMNS} FROM commerce_carts WHERE id = $1`, [cart.id]);
      return buildCartView(w.tx, rows[0] ?? cart);
    },
    settingsFirst,
  );
