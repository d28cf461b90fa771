import { kernelErrors, parseInput } from '@rustok/kernel';
import { hashOrNull } from '../../capability.js';

import { type CommerceContext, inTenant, notFound } from '../../context.js';
import {
  type CheckoutResult,
  type ListOrdersQuery,
  type Order,
  type OrderSummary,
  type Paged,
  StoreOrderLookupInput,
  StoreOrderQuery,
} from '../../schemas/order.js';

import { orderPage } from './list-orders.js';

import { issueOrderToken } from './order-tokens.js';

import { loadOrder } from './order-view.js';

/** An order as a storefront request names it: its id, the order token sent with it, and an e-mail address to match. */
export interface OrderKey {
  readonly id: string;
  readonly token: string | null;
  readonly email?: string | null;
}

/**
 * GET /store/orders/{id}: the order for a holder of one of its tokens (a guest) or for the
 * signed-in customer who placed it; with `email`, the order's address must match too. Anything
 * else is answered as a missing order (404): another customer's, another tenant's, a wrong token.
 */
export const getStoreOrder = (ctx: CommerceContext, key: OrderKey): Promise<Order> =>
  inTenant(ctx, async (w) => {
    const { email } = parseInput(StoreOrderQuery, key.email ? { email: key.email } : {});
    const { rows } = await w.tx.query<{ id: string }>(
      `SELECT o.id FROM commerce_orders AS o
        WHERE o.id = $1
          AND (o.customer_id = $3
               OR EXISTS (SELECT 1 FROM commerce_order_tokens AS t WHERE t.order_id = o.id AND t.token_hash = $2))
          AND ($4::text IS NULL OR lower(o.email) = lower($4::text))`,
      [key.id, hashOrNull(key.token), w.actor.userId, email ?? null],
    );
    const order = rows[0] ? await loadOrder(w.tx, key.id) : null;
    if (!order) throw notFound('order', key.id);
    return order;
  });

/** GET /store/orders: the signed-in customer's own orders, newest first (keyset paging, `status` filter). */
export const listStoreOrders = (ctx: CommerceContext, raw: Partial<ListOrdersQuery> = {}): Promise<Paged<OrderSummary>> => {
  const userId = ctx.actor.userId;
  if (!userId) throw kernelErrors.AUTH_REQUIRED('Listing your orders needs a signed-in customer');
  return inTenant(ctx, (w) => orderPage(w, raw, userId));
};

/**
 * POST /store/orders/lookup: the order with this number whose e-mail address matches (any case),
 * and a new token to read it with (earlier tokens stay valid). No match, or a number of another
 * tenant, is a missing order (404). The route is rate limited like a login.
 */
export const lookupStoreOrder = (ctx: CommerceContext, raw: StoreOrderLookupInput): Promise<CheckoutResult> =>
  inTenant(ctx, async (w) => {
    const input = parseInput(StoreOrderLookupInput, raw);
    const { rows } = await w.tx.query<{ id: string }>('SELECT id FROM commerce_orders WHERE display_id = $1 AND lower(email) = lower($2)', [
      input.displayId,
      input.email,
    ]);
    const id = rows[0]?.id;
    const order = id ? await loadOrder(w.tx, id) : null;
    if (!id || !order) throw notFound('order', `#${input.displayId}`);
    return { order, orderToken: await issueOrderToken(w.tx, id) };
  });
