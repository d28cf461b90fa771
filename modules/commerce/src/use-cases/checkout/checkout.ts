import { parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { CheckoutInput } from '../../schemas/order.js';

import type { CartKey } from '../cart/cart-store.js';
import { isUniqueViolation } from '../orders/kit.js';
import { issueOrderToken } from '../orders/order-tokens.js';

import { loadOrder } from '../orders/order-view.js';

import { type CheckoutOutcome, lockCartForCheckout, placeOrder } from './place-order.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

const keyReused = (key: string) =>
  commerceErrors.COMMERCE_IDEMPOTENCY_KEY_REUSED(`Idempotency-Key ${key} was used for the checkout of another cart`);

/** The answer to a replayed checkout: the order as it is now, with a new token to read it. */
const replayOf = async (w: CommerceTx, id: string): Promise<CheckoutOutcome> => {
  const order = await loadOrder(w.tx, id);
  if (!order) throw new Error(`order ${id} vanished inside its own tenant`);
  return { order, orderToken: await issueOrderToken(w.tx, id), replayed: true };
};

/** The order an earlier checkout with this key made, if it was for this cart (422 when for another). */
const orderForKey = async (w: CommerceTx, cartId: string, key: string): Promise<CheckoutOutcome | null> => {
  const { rows } = await w.tx.query<{ id: string; cart_id: string | null }>(
    'SELECT order_id AS id, cart_id FROM commerce_order_keys WHERE idempotency_key = $1',
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.cart_id !== cartId) throw keyReused(key);
  return replayOf(w, row.id);
};

const attempt = (ctx: CommerceContext, cartKey: CartKey, input: CheckoutInput, key: string | null): Promise<CheckoutOutcome> =>
  inTenant(ctx, async (w) => {
    const cart = await lockCartForCheckout(w, cartKey, key);
    if (key && cart.key_order_id) {
      if (cart.key_cart_id !== cart.id) throw keyReused(key);
      return replayOf(w, cart.key_order_id);
    }
    if (cart.status === 'completed') {
      // A checkout with the same key may have completed the cart while this one waited for its lock.
      const replay = key ? await orderForKey(w, cart.id, key) : null;
      if (replay) return replay;
      throw commerceErrors.COMMERCE_CART_COMPLETED(`Cart ${cart.id} was checked out already (order ${cart.order_id})`, {
        meta: {
          orderId: cart.order_id,
        },
      });
    }
    return placeOrder(w, cart, input, key);
  });

/**
 * POST /store/carts/{id}/checkout with the cart's token (or as its signed-in customer; 404
 * otherwise). Answers the order and a token to read it. With an Idempotency-Key, a retry (also a
 * concurrent one) gets the same order and reserves nothing more; the same key for another cart is
 * refused (422). A completed cart cannot be checked out again (409 COMMERCE_CART_COMPLETED).
 */
export const checkoutCart = async (
  ctx: CommerceContext,
  cart: CartKey,
  raw: CheckoutInput,
  idempotencyKey?: string | null,
): Promise<CheckoutOutcome> => {
  const input = parseInput(CheckoutInput, raw);
  const key = idempotencyKey ?? null;
  if (key !== null && !KEY.test(key)) {
    throw commerceErrors.COMMERCE_IDEMPOTENCY_KEY_INVALID('An Idempotency-Key is 1 to 255 printable ASCII characters');
  }
  try {
    return await attempt(ctx, cart, input, key);
  } catch (error) {
    // Lost a race on the key (or the cart) to a concurrent checkout: answer with the winner's order.
    // The losing attempt reached the cart (its token or owner) before it could collide.
    if (!isUniqueViolation(error)) throw error;
    const replay = key ? await inTenant(ctx, (w) => orderForKey(w, cart.id, key)) : null;
    if (replay) return replay;
    if (isUniqueViolation(error, 'cart_id')) throw commerceErrors.COMMERCE_CART_COMPLETED(`Cart ${cart.id} was checked out already`);
    throw error;
  }
};
