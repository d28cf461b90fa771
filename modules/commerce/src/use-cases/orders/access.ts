import { kernelErrors } from '@rustok/kernel';
import type { CommerceActor } from '../../context.js';
import type { OrderStatus } from '../../schemas/order.js';

/** Whose orders the caller may read: all (commerce.orders.read) or their own (read_own); 403 otherwise. */
export const readScope = (actor: CommerceActor): 'all' | 'own' => {
  if (actor.can('commerce.orders.read')) return 'all';
  if (actor.can('commerce.orders.read_own') && actor.userId) return 'own';
  throw kernelErrors.AUTH_FORBIDDEN('Reading orders needs commerce.orders.read or commerce.orders.read_own');
};

/** Moving money back needs commerce.orders.refund: a refund, or cancelling a paid order. Other moves need manage. */
export const transitionPermission = (from: OrderStatus, to: OrderStatus): string =>
  to === 'refunded' || (to === 'cancelled' && from === 'paid') ? 'commerce.orders.refund' : 'commerce.orders.manage';
