import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderSummary {
  readonly id: string;
  readonly displayId: number;
  readonly status: OrderStatus;
  readonly email: string;
  readonly currencyCode: string;
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly shippingTotal: number;
  readonly taxTotal: number;
  readonly total: number;
  readonly createdAt: string;
}

interface Address {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode?: string;
  readonly countryCode: string;
}

export const PAYMENT_STATUSES = ['authorized', 'captured', 'refunded', 'failed', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment of an order: authorized, then captured (the order is paid), then maybe refunded. */
export interface Payment {
  readonly id: string;
  readonly provider: string;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly refundedAmount: number;
  readonly currencyCode: string;
  readonly createdAt: string;
}

/** GET /commerce/orders/{id}: the order with lines, addresses, payments, history and the moves it allows now. */
export interface Order extends OrderSummary {
  readonly shippingAddress: Address;
  readonly lines: readonly {
    readonly id: string;
    readonly title: string;
    readonly variantTitle: string;
    readonly sku: string | null;
    readonly quantity: number;
    readonly unitPrice: number;
    readonly total: number;
  }[];
  readonly history: readonly {
    readonly id: string;
    readonly from: OrderStatus | null;
    readonly to: OrderStatus;
    readonly note: string | null;
    readonly createdAt: string;
  }[];
  readonly payments: readonly Payment[];
  readonly allowedTransitions: readonly OrderStatus[];
}

/** What the list shows: a status and a search (an order number, or the beginning of the customer's e-mail). */
export interface OrderFilter {
  readonly status?: OrderStatus | undefined;
  readonly q?: string | undefined;
}

export const ordersQuery = ({ status, q }: OrderFilter) => {
  const params = new URLSearchParams({ limit: '100' });
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  return queryOptions({
    queryKey: ['commerce', 'orders', status ?? 'all', q ?? ''],
    queryFn: () => api<{ items: OrderSummary[]; nextCursor: string | null }>(`/commerce/orders?${params}`),
  });
};

export const orderQuery = (id: string) =>
  queryOptions({ queryKey: ['commerce', 'order', id], queryFn: () => api<Order>(`/commerce/orders/${id}`) });

export const moveOrder = ({ id, to, note }: { id: string; to: OrderStatus; note?: string }) =>
  api<Order>(`/commerce/orders/${id}/transitions`, { method: 'POST', body: { to, ...(note ? { note } : {}) } });

export type PaymentStep = 'authorize' | 'capture' | 'refund';

/** A payment step (the manual provider authorizes); each answers the order as it is afterwards. */
export const payOrder = ({ id, step }: { id: string; step: PaymentStep }) =>
  api<Order>(`/commerce/orders/${id}/payments/${step}`, { method: 'POST', ...(step === 'authorize' ? { body: {} } : {}) });
