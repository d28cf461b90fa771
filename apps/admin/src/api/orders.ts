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
  readonly payments: readonly {
    readonly id: string;
    readonly provider: string;
    readonly status: string;
    readonly amount: number;
    readonly currencyCode: string;
  }[];
  readonly allowedTransitions: readonly OrderStatus[];
}

export const ordersQuery = (status: OrderStatus | undefined) =>
  queryOptions({
    queryKey: ['commerce', 'orders', status ?? 'all'],
    queryFn: () =>
      api<{ items: OrderSummary[]; nextCursor: string | null }>(`/commerce/orders?limit=100${status ? `&status=${status}` : ''}`),
  });

export const orderQuery = (id: string) =>
  queryOptions({ queryKey: ['commerce', 'order', id], queryFn: () => api<Order>(`/commerce/orders/${id}`) });

export const moveOrder = ({ id, to, note }: { id: string; to: OrderStatus; note?: string }) =>
  api<Order>(`/commerce/orders/${id}/transitions`, { method: 'POST', body: { to, ...(note ? { note } : {}) } });
