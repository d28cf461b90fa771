import { kernelErrors, parseInput } from '@rustok/kernel';
import { type CommerceContext, inTenant } from '../../context.js';
import { type Cart, ListCartsQuery } from '../../schemas/cart.js';

import type { Paged } from '../../schemas/order.js';

import { CART_COLUMNS, type CartRow } from './cart-store.js';

import { buildCartView } from './cart-view.js';

/**
 * GET /store/carts: the signed-in customer's open carts (their own, or claimed), newest first with
 * keyset paging on the id, each priced now. This is how a customer finds their cart on another
 * device, where they have no cart token.
 */
export const listMyCarts = (ctx: CommerceContext, raw: Partial<ListCartsQuery> = {}): Promise<Paged<Cart>> => {
  const userId = ctx.actor.userId;
  if (!userId) throw kernelErrors.AUTH_REQUIRED('Listing your carts needs a signed-in customer');
  const query = parseInput(ListCartsQuery, { limit: 10, ...raw });
  return inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<CartRow>(
      `SELECT ${CART_COLUMNS} FROM commerce_carts
        WHERE customer_id = $1 AND status = 'open' AND expires_at > now() AND ($2::uuid IS NULL OR id < $2::uuid)
        ORDER BY id DESC LIMIT ${query.limit + 1}`,
      [userId, query.cursor ?? null],
    );
    const page = rows.slice(0, query.limit);
    const items: Cart[] = [];
    for (const row of page) items.push(await buildCartView(w.tx, row));
    return { items, nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null };
  });
};
