import { parseInput } from '@rustok/kernel';
import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import { CheckoutInput, type Order } from '../../schemas/order.js';
import { conflict, isUniqueViolation, unprocessable } from '../orders/kit.js';
import { loadOrder } from '../orders/order-view.js';
import { type CheckoutOutcome, lockCartForCheckout, placeOrder } from './place-order.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

const keyReused = (key: string) =>
  unprocessable('COMMERCE_IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for the checkout of another cart`);

const orderOf = async (w: CommerceTx, id: string): Promise<Order> => {
  const order = await loadOrder(w.tx, id);
  if (!order) throw new Error(`order ${id} vanished inside its own tenant`);
  return order;
};

/** The order an earlier checkout with this key made, if it was for this cart (422 when for another). */
const orderForKey = async (w: CommerceTx, cartId: string, key: string): Promise<CheckoutOutcome | null> => {
  const { rows } = await w.tx.query<{ id: string; cart_id: string | null }>(
    'SELECT id, cart_id FROM commerce_orders WHERE idempotency_key = $1',
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.cart_id !== cartId) throw keyReused(key);
  return { order: await orderOf(w, row.id), replayed: true };
};

const attempt = (ctx: CommerceContext, cartId: string, input: CheckoutInput, key: string | null): Promise<CheckoutOutcome> =>
  inTenant(ctx, async (w) => {
    const cart = await lockCartForCheckout(w, cartId, key);
    if (key && cart.key_order_id) {
      if (cart.key_cart_id !== cartId) throw keyReused(key);
      return { order: await orderOf(w, cart.key_order_id), replayed: true };
    }
    if (cart.status === 'completed') {
      // A checkout with the same key may have completed the cart while this one waited for its lock.
      const replay = key ? await orderForKey(w, cartId, key) : null;
      if (replay) return replay;
      throw conflict('COMMERCE_CART_COMPLETED', `Cart ${cartId} was checked out already (order ${cart.order_id})`, {
        orderId: cart.order_id,
      });
    }
    return { order: await placeOrder(ctx, w, cart, input, key), replayed: false };
  });

/**
 * POST /store/carts/{id}/checkout. With an Idempotency-Key, a retry (also a concurrent one) gets
 * the same order and reserves nothing more; the same key for another cart is refused (422). A
 * completed cart cannot be checked out again (409 COMMERCE_CART_COMPLETED).
 */
export const checkoutCart = async (
  ctx: CommerceContext,
  cartId: string,
  raw: CheckoutInput,
  idempotencyKey?: string | null,
): Promise<CheckoutOutcome> => {
  const input = parseInput(CheckoutInput, raw);
  const key = idempotencyKey ?? null;
  if (key !== null && !KEY.test(key)) {
    throw unprocessable('COMMERCE_IDEMPOTENCY_KEY_INVALID', 'An Idempotency-Key is 1 to 255 printable ASCII characters');
  }
  try {
    return await attempt(ctx, cartId, input, key);
  } catch (error) {
    // Lost a race on the key (or the cart) to a concurrent checkout: answer with the winner's order.
    if (!isUniqueViolation(error)) throw error;
    const replay = key ? await inTenant(ctx, (w) => orderForKey(w, cartId, key)) : null;
    if (replay) return replay;
    if (isUniqueViolation(error, 'cart_id')) throw conflict('COMMERCE_CART_COMPLETED', `Cart ${cartId} was checked out already`);
    throw error;
  }
};
