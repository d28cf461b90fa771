import { type CommerceContext, inTenant, notFound } from '../../context.js';
import type { Order } from '../../schemas/order.js';

import { readScope } from './access.js';

import { loadOrder } from './order-view.js';

/** GET /commerce/orders/{id}: any order with commerce.orders.read; with read_own only the caller's (else 404). */
export const getOrder = (ctx: CommerceContext, orderId: string): Promise<Order> =>
  inTenant(ctx, async (w) => {
    const scope = readScope(w.actor);
    const order = await loadOrder(w.tx, orderId);
    if (!order || (scope === 'own' && order.customerId !== w.actor.userId)) throw notFound('order', orderId);
    return order;
  });
