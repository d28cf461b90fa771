import { parseInput } from '@rustok/kernel';
import { type CommerceContext, type CommerceTx, notFound } from '../../context.js';
import { type Cart, UpdateCartItemInput } from '../../schemas/cart.js';
import type { CartKey } from './cart-store.js';
import { changeCart } from './cart-tx.js';
import { assertSellable } from './stock-check.js';

const itemOf = async (w: CommerceTx, cartId: string, itemId: string) => {
  const { rows } = await w.tx.query<{ variant_id: string }>('SELECT variant_id FROM commerce_cart_items WHERE id = $1 AND cart_id = $2', [
    itemId,
    cartId,
  ]);
  if (!rows[0]) throw notFound('cart_item', itemId);
  return rows[0];
};

/** PATCH /store/carts/{id}/items/{itemId}: sets the quantity of a line. */
export const updateCartItem = (ctx: CommerceContext, key: CartKey, itemId: string, raw: UpdateCartItemInput): Promise<Cart> => {
  const input = parseInput(UpdateCartItemInput, raw);
  return changeCart(ctx, key, async (w, cart) => {
    const item = await itemOf(w, cart.id, itemId);
    await assertSellable(w.tx, item.variant_id, input.quantity, cart.currency_code);
    await w.tx.query('UPDATE commerce_cart_items SET quantity = $2, updated_at = now() WHERE id = $1', [itemId, input.quantity]);
  });
};

/** DELETE /store/carts/{id}/items/{itemId}: removes a line. */
export const removeCartItem = (ctx: CommerceContext, key: CartKey, itemId: string): Promise<Cart> =>
  changeCart(ctx, key, async (w, cart) => {
    const { rows } = await w.tx.query('DELETE FROM commerce_cart_items WHERE id = $1 AND cart_id = $2 RETURNING id', [itemId, cart.id]);
    if (rows.length === 0) throw notFound('cart_item', itemId);
  });
