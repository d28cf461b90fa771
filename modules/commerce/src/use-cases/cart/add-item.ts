import { generateId, parseInput } from '@rustok/kernel';
import type { CommerceContext } from '../../context.js';
import { AddCartItemInput, type Cart } from '../../schemas/cart.js';
import type { CartKey } from './cart-store.js';
import { changeCart } from './cart-tx.js';
import { assertQuantity, assertSellable } from './stock-check.js';

/** POST /store/carts/{id}/items: adds a variant, or adds to its quantity when the cart has it already. */
export const addCartItem = (ctx: CommerceContext, key: CartKey, raw: AddCartItemInput): Promise<Cart> => {
  const input = parseInput(AddCartItemInput, raw);
  return changeCart(ctx, key, async (w, cart) => {
    const { rows } = await w.tx.query<{ quantity: number }>(
      'SELECT quantity FROM commerce_cart_items WHERE cart_id = $1 AND variant_id = $2',
      [cart.id, input.variantId],
    );
    const quantity = (rows[0]?.quantity ?? 0) + input.quantity;
    assertQuantity(quantity);
    await assertSellable(w.tx, input.variantId, quantity, cart.currency_code);
    await w.tx.query(
      `INSERT INTO commerce_cart_items (id, cart_id, variant_id, quantity) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, cart_id, variant_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
      [generateId(), cart.id, input.variantId, quantity],
    );
  });
};
