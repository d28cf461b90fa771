import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['authorized', 'captured', 'refunded', 'failed', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** An order as lists show it (commerceOrders). */
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

/** What the order screen shows: every read and every move or payment step answers it. */
const OrderFields = graphql(`
  fragment OrderFields on CommerceOrder {
    id displayId status email currencyCode subtotal discountTotal shippingTotal taxTotal total createdAt allowedTransitions
    shippingAddress { name line1 line2 city postalCode countryCode }
    lines { id title variantTitle sku quantity unitPrice total }
    history { id from to note createdAt }
    payments { id provider status amount refundedAmount currencyCode createdAt }
  }
`);

const OrderDocument = graphql(
  `
  query Order($id: ID!) {
    commerceOrder(id: $id) {
      ...OrderFields
    }
  }
`,
  [OrderFields],
);

const TransitionOrderDocument = graphql(
  `
  mutation TransitionOrder($id: ID!, $to: String!, $note: String) {
    transitionCommerceOrder(id: $id, to: $to, note: $note) {
      ...OrderFields
    }
  }
`,
  [OrderFields],
);

const AuthorizePaymentDocument = graphql(
  `
  mutation AuthorizeOrderPayment($orderId: ID!) {
    authorizeCommercePayment(orderId: $orderId) {
      ...OrderFields
    }
  }
`,
  [OrderFields],
);

const CapturePaymentDocument = graphql(
  `
  mutation CaptureOrderPayment($orderId: ID!) {
    captureCommercePayment(orderId: $orderId) {
      ...OrderFields
    }
  }
`,
  [OrderFields],
);

const RefundPaymentDocument = graphql(
  `
  mutation RefundOrderPayment($orderId: ID!) {
    refundCommercePayment(orderId: $orderId) {
      ...OrderFields
    }
  }
`,
  [OrderFields],
);

type OrderData = NonNullable<ResultOf<typeof OrderDocument>['commerceOrder']>;
type Nullable<T> = { readonly [K in keyof T]: (K extends 'status' ? string : T[K]) | null | undefined };

/** An order's totals and identity, GraphQL's nulls read as REST gives them. */
export const toOrderSummary = (o: Nullable<OrderSummary>): OrderSummary => ({
  id: o.id ?? '',
  displayId: o.displayId ?? 0,
  status: (o.status ?? 'pending') as OrderStatus,
  email: o.email ?? '',
  currencyCode: o.currencyCode ?? '',
  subtotal: o.subtotal ?? 0,
  discountTotal: o.discountTotal ?? 0,
  shippingTotal: o.shippingTotal ?? 0,
  taxTotal: o.taxTotal ?? 0,
  total: o.total ?? 0,
  createdAt: o.createdAt ?? '',
});

const toAddress = (a: OrderData['shippingAddress']) => ({
  name: a?.name ?? '',
  line1: a?.line1 ?? '',
  line2: a?.line2 ?? null,
  city: a?.city ?? '',
  postalCode: a?.postalCode ?? null,
  countryCode: a?.countryCode ?? '',
});

const toHistoryEntry = (h: NonNullable<OrderData['history']>[number]) => ({
  id: h.id ?? '',
  from: h.from as OrderStatus | null,
  to: (h.to ?? 'pending') as OrderStatus,
  note: h.note,
  createdAt: h.createdAt ?? '',
});

const toPayment = (p: NonNullable<OrderData['payments']>[number]) => ({
  id: p.id ?? '',
  provider: p.provider ?? '',
  status: (p.status ?? 'failed') as PaymentStatus,
  amount: p.amount ?? 0,
  refundedAmount: p.refundedAmount ?? 0,
  currencyCode: p.currencyCode ?? '',
  createdAt: p.createdAt ?? '',
});

const toOrder = (o: OrderData) => ({
  ...toOrderSummary(o),
  shippingAddress: toAddress(o.shippingAddress),
  lines: (o.lines ?? []).map((l) => ({ ...l, quantity: l.quantity ?? 0, unitPrice: l.unitPrice ?? 0, total: l.total ?? 0 })),
  history: (o.history ?? []).map(toHistoryEntry),
  payments: (o.payments ?? []).map(toPayment),
  allowedTransitions: (o.allowedTransitions ?? []) as readonly OrderStatus[],
});

/** The order with lines, address, payments, history and the moves it allows now (commerceOrder). */
export type Order = ReturnType<typeof toOrder>;

/** What the list shows: a status and a search (an order number, or the beginning of the customer's e-mail). */
export interface OrderFilter {
  readonly status?: OrderStatus | undefined;
  readonly q?: string | undefined;
}

const OrderListDocument = graphql(`
  query OrderList($status: String, $q: String) {
    commerceOrders(status: $status, q: $q, first: 100) {
      items { id displayId status email currencyCode subtotal discountTotal shippingTotal taxTotal total createdAt }
      nextCursor
    }
  }
`);

/** The newest 100 orders with that status and search (commerceOrders). */
export const ordersQuery = ({ status, q }: OrderFilter) =>
  queryOptions({
    queryKey: ['commerce', 'orders', status ?? 'all', q ?? ''],
    queryFn: async () => {
      const { commerceOrders } = await gql(OrderListDocument, { status: status ?? null, q: q || null });
      return { items: (commerceOrders?.items ?? []).map(toOrderSummary), nextCursor: commerceOrders?.nextCursor ?? null };
    },
  });

const present = (o: OrderData | null | undefined): Order => {
  if (!o) throw new Error('order not answered');
  return toOrder(o);
};

export const orderQuery = (id: string) =>
  queryOptions({ queryKey: ['commerce', 'order', id], queryFn: async () => present((await gql(OrderDocument, { id })).commerceOrder) });

export const moveOrder = async ({ id, to, note }: { id: string; to: OrderStatus; note?: string }): Promise<Order> =>
  present((await gql(TransitionOrderDocument, { id, to, note: note || null })).transitionCommerceOrder);

export type PaymentStep = 'authorize' | 'capture' | 'refund';

/** A payment step (the manual provider authorizes); each answers the order as it is afterwards. */
export const payOrder = async ({ id, step }: { id: string; step: PaymentStep }): Promise<Order> => {
  if (step === 'authorize') return present((await gql(AuthorizePaymentDocument, { orderId: id })).authorizeCommercePayment);
  if (step === 'capture') return present((await gql(CapturePaymentDocument, { orderId: id })).captureCommercePayment);
  return present((await gql(RefundPaymentDocument, { orderId: id })).refundCommercePayment);
};
