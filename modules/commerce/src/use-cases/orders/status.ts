import { commerceErrors } from '../../errors.js';
import type { OrderStatus } from '../../schemas/order.js';

/**
 * The order state machine. Forward: pending → paid → fulfilled → shipped → delivered.
 * cancelled: from pending or paid (stock goes back, money is refunded or the authorization voided).
 * refunded: from paid, fulfilled, shipped or delivered (stock goes back only before shipping).
 */
const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled', 'refunded'],
  fulfilled: ['shipped', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

export const allowedTransitions = (from: OrderStatus): readonly OrderStatus[] => ORDER_TRANSITIONS[from];

/** Goods have left the warehouse: a refund from here on does not put stock back. */
export const hasShipped = (status: OrderStatus): boolean => status === 'shipped' || status === 'delivered';

/** Throws 409 ORDER_INVALID_TRANSITION naming the allowed targets when `from → to` is not allowed. */
export const assertTransition = (from: OrderStatus, to: OrderStatus): void => {
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  throw commerceErrors.ORDER_INVALID_TRANSITION(
    `A ${from} order cannot become ${to}; allowed from ${from}: ${allowed.join(', ') || 'none'}`,
    { meta: { from, to, allowed: [...allowed] } },
  );
};
