import { type CommerceContext, inTenant } from '../../context.js';
import type { Cart } from '../../schemas/cart.js';

import { type CartKey, loadCart } from './cart-store.js';

import { buildCartView } from './cart-view.js';

/** GET /store/carts/{id} with its token (or as its customer): the cart priced now (any status; a completed cart names its order). */
export const getCart = (ctx: CommerceContext, key: CartKey): Promise<Cart> =>
  inTenant(ctx, async (w) => buildCartView(w.tx, await loadCart(w.tx, key, w.actor.userId)));
