import { kernelErrors } from '@rustok/kernel';
import type { CommerceContext } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import type { Cart } from '../../schemas/cart.js';
import type { CartKey } from './cart-store.js';
import { changeCart } from './cart-tx.js';

/**
 * POST /store/carts/{id}/claim: a signed-in customer takes over a guest cart whose token they
 * hold. The cart then belongs to them: they reach it without the token too, and its order will be
 * theirs. The token keeps working. Claiming one's own cart again changes nothing; a cart that
 * belongs to another customer cannot be claimed (409 COMMERCE_CART_CLAIMED); a completed or
 * expired cart cannot change (409).
 */
export const claimCart = (ctx: CommerceContext, key: CartKey): Promise<Cart> => {
  const userId = ctx.actor.userId;
  if (!userId) throw kernelErrors.AUTH_REQUIRED('Claiming a cart needs a signed-in customer');
  return changeCart(ctx, key, async (w, cart) => {
    if (cart.customer_id === userId) return;
    if (cart.customer_id !== null) throw commerceErrors.COMMERCE_CART_CLAIMED(`Cart ${cart.id} belongs to another customer`);
    await w.tx.query('UPDATE commerce_carts SET customer_id = $2 WHERE id = $1', [cart.id, userId]);
  });
};
