import { type CommerceContext, inTenant } from '../../context.js';
import type { Cart } from '../../schemas/cart.js';
import { loadCart } from './cart-store.js';
import { buildCartView } from './cart-view.js';

/** GET /store/carts/{id}: the cart priced now (any status; a completed cart names its order). */
export const getCart = (ctx: CommerceContext, cartId: string): Promise<Cart> =>
  inTenant(ctx, async (w) => buildCartView(w.tx, await loadCart(w.tx, cartId)));
