import { generateId, parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant, notFound, requirePermission } from '../../context.js';
import { COMMERCE_EVENT, type OrderStatusChangedPayload } from '../../events.js';

import { ensureCaptured, settleForReturn } from '../../payments/ledger.js';

import { type Order, type OrderStatus, TransitionInput } from '../../schemas/order.js';

import { transitionPermission } from './access.js';

import { loadOrder, ORDER_COLUMNS, type OrderRow } from './order-view.js';

import { assertTransition, hasShipped } from './status.js';

import { consumeReservations, returnStock } from './stock-return.js';

export const lockOrder = async (w: CommerceTx, id: string): Promise<OrderRow> => {
  const { rows } = await w.tx.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM commerce_orders WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw notFound('order', id);
  return rows[0];
};

/**
 * What a move does besides the status: paid → money captured (the authorization, or a manual
 * payment); shipped → reservations consumed; cancelled → stock released, money back; refunded →
 * money back, and stock back only when the goods have not shipped. Returns whether stock went back.
 */
const effects = async (w: CommerceTx, order: OrderRow, to: OrderStatus): Promise<boolean> => {
  if (to === 'paid') await ensureCaptured(w, order);
  if (to === 'shipped') await consumeReservations(w, order.id);
  if (to !== 'cancelled' && to !== 'refunded') return false;
  await settleForReturn(w, order);
  if (to === 'refunded' && hasShipped(order.status)) return false;
  return returnStock(w, order.id, to === 'cancelled' ? 'release' : 'restock');
};

/** Moves a locked order along the state machine: effects, status, history entry and commerce.order.status_changed, in the caller's transaction. */
export const applyTransition = async (w: CommerceTx, order: OrderRow, to: OrderStatus, note: string | null = null): Promise<void> => {
  assertTransition(order.status, to);
  const restocked = await effects(w, order, to);
  await w.tx.query(
    `WITH u AS (UPDATE commerce_orders SET status = $2, updated_at = date_trunc('milliseconds', now()) WHERE id = $1)
     INSERT INTO commerce_order_history (id, order_id, from_status, to_status, actor_id, note, created_at)
     VALUES ($3, $1, $4, $2, $5, $6, date_trunc('milliseconds', now()))`,
    [order.id, to, generateId(), order.status, w.actor.userId, note],
  );
  const payload: OrderStatusChangedPayload = { orderId: order.id, displayId: Number(order.display_id), from: order.status, to, restocked };
  await w.publishAll([{ type: COMMERCE_EVENT.orderStatusChanged, payload }]);
};

/** POST /commerce/orders/{id}/transitions: 409 ORDER_INVALID_TRANSITION naming the allowed moves otherwise. */
export const transitionOrder = (ctx: CommerceContext, orderId: string, raw: TransitionInput): Promise<Order> =>
  inTenant(ctx, async (w) => {
    const input = parseInput(TransitionInput, raw);
    if (!w.actor.can('commerce.orders.refund')) requirePermission(w.actor, 'commerce.orders.manage');
    const order = await lockOrder(w, orderId);
    requirePermission(w.actor, transitionPermission(order.status, input.to));
    await applyTransition(w, order, input.to, input.note ?? null);
    return (await loadOrder(w.tx, orderId)) as Order;
  });
