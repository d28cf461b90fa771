import { parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant, requirePermission } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { authorize, capture, loadPayments } from '../../payments/ledger.js';

import { type Order, PaymentInput } from '../../schemas/order.js';
import { loadOrder, type OrderRow } from './order-view.js';

import { applyTransition, lockOrder } from './transition-order.js';

const PAID_OR_LATER = new Set(['paid', 'fulfilled', 'shipped', 'delivered']);

/** One payment step on a locked order; answers the order as it is afterwards. */
const onOrder = (ctx: CommerceContext, orderId: string, permission: string, step: (w: CommerceTx, order: OrderRow) => Promise<void>) =>
  inTenant(ctx, async (w): Promise<Order> => {
    requirePermission(w.actor, permission);
    await step(w, await lockOrder(w, orderId));
    return (await loadOrder(w.tx, orderId)) as Order;
  });

/**
 * POST /commerce/orders/{id}/payments/authorize: the order's total with a provider (`manual` by
 * default). Idempotent: an order that has an authorized or captured payment is answered as it is.
 */
export const authorizePayment = (ctx: CommerceContext, orderId: string, raw: PaymentInput = {}): Promise<Order> => {
  const input = parseInput(PaymentInput, raw);
  return onOrder(ctx, orderId, 'commerce.orders.manage', async (w, order) => {
    const payments = await loadPayments(w, order.id);
    if (payments.some((p) => p.status === 'authorized' || p.status === 'captured')) return;
    if (order.status !== 'pending') {
      throw commerceErrors.COMMERCE_PAYMENT_INVALID_STATE(`A ${order.status} order takes no new payment`, {
        meta: { status: order.status },
      });
    }
    await authorize(w, order, input.provider ?? 'manual');
  });
};

/**
 * POST /commerce/orders/{id}/payments/capture: captures the authorization; the order becomes paid
 * (history entry and commerce.order.status_changed). Idempotent once paid.
 */
export const capturePayment = (ctx: CommerceContext, orderId: string): Promise<Order> =>
  onOrder(ctx, orderId, 'commerce.orders.manage', async (w, order) => {
    if (PAID_OR_LATER.has(order.status)) return;
    if (order.status !== 'pending') {
      throw commerceErrors.COMMERCE_PAYMENT_INVALID_STATE(`A ${order.status} order cannot be captured`, { meta: { status: order.status } });
    }
    const authorized = (await loadPayments(w, order.id)).find((p) => p.status === 'authorized');
    if (!authorized) throw commerceErrors.COMMERCE_PAYMENT_NOT_AUTHORIZED(`Order ${order.id} has no authorized payment to capture`);
    await capture(w, order, authorized);
    await applyTransition(w, order, 'paid', 'payment captured');
  });

/**
 * POST /commerce/orders/{id}/payments/refund: refunds the captured money; the order becomes
 * refunded (stock goes back unless it has shipped). Idempotent once refunded; 409
 * ORDER_INVALID_TRANSITION from pending or cancelled.
 */
export const refundPayment = (ctx: CommerceContext, orderId: string): Promise<Order> =>
  onOrder(ctx, orderId, 'commerce.orders.refund', async (w, order) => {
    if (order.status === 'refunded') return;
    await applyTransition(w, order, 'refunded', 'payment refunded');
  });
