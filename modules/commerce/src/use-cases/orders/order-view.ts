import type { SqlRunner } from '@rustok/kernel';
import { toMinor } from '../../money.js';
import type { ShippingChoice } from '../../schemas/cart.js';
import type {
  Address,
  Order,
  OrderHistoryEntry,
  OrderLine,
  OrderStatus,
  OrderSummary,
  Payment,
  PaymentStatus,
} from '../../schemas/order.js';
import { iso } from '../../time.js';
import { allowedTransitions } from './status.js';

export const ORDER_COLUMNS = `id, display_id, status, cart_id, customer_id, email, currency_code, subtotal, discount_total,
  shipping_total, tax_total, total, discount_code, shipping_option, shipping_address, billing_address, created_at, updated_at`;

export interface OrderRow {
  id: string;
  display_id: number | string;
  status: OrderStatus;
  cart_id: string | null;
  customer_id: string | null;
  email: string;
  currency_code: string;
  subtotal: unknown;
  discount_total: unknown;
  shipping_total: unknown;
  tax_total: unknown;
  total: unknown;
  discount_code: string | null;
  shipping_option: ShippingChoice | null;
  shipping_address: Address;
  billing_address: Address;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export interface LineRow {
  id: string;
  product_id: string | null;
  variant_id: string | null;
  title: string;
  variant_title: string;
  sku: string | null;
  quantity: number;
  unit_price: unknown;
  subtotal: unknown;
  discount_total: unknown;
  tax_total: unknown;
  total: unknown;
}
export interface HistoryRow {
  id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_id: string | null;
  note: string | null;
  created_at: Date | string;
}
export interface PaymentRow {
  id: string;
  provider: string;
  status: PaymentStatus;
  currency_code: string;
  amount: unknown;
  refunded_amount: unknown;
  provider_reference: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export const toSummary = (r: OrderRow): OrderSummary => ({
  id: r.id,
  displayId: Number(r.display_id),
  status: r.status,
  cartId: r.cart_id,
  customerId: r.customer_id,
  email: r.email,
  currencyCode: r.currency_code,
  subtotal: toMinor(r.subtotal),
  discountTotal: toMinor(r.discount_total),
  shippingTotal: toMinor(r.shipping_total),
  taxTotal: toMinor(r.tax_total),
  total: toMinor(r.total),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const toLine = (l: LineRow): OrderLine => ({
  id: l.id,
  productId: l.product_id,
  variantId: l.variant_id,
  title: l.title,
  variantTitle: l.variant_title,
  sku: l.sku,
  quantity: l.quantity,
  unitPrice: toMinor(l.unit_price),
  subtotal: toMinor(l.subtotal),
  discountTotal: toMinor(l.discount_total),
  taxTotal: toMinor(l.tax_total),
  total: toMinor(l.total),
});

const toHistory = (h: HistoryRow): OrderHistoryEntry => ({
  id: h.id,
  from: h.from_status,
  to: h.to_status,
  actorId: h.actor_id,
  note: h.note,
  createdAt: iso(h.created_at),
});

const toPayment = (p: PaymentRow): Payment => ({
  id: p.id,
  provider: p.provider,
  status: p.status,
  currencyCode: p.currency_code,
  amount: toMinor(p.amount),
  refundedAmount: toMinor(p.refunded_amount),
  providerReference: p.provider_reference,
  createdAt: iso(p.created_at),
  updatedAt: iso(p.updated_at),
});

export interface OrderParts {
  readonly lines: readonly LineRow[];
  readonly history: readonly HistoryRow[];
  readonly payments: readonly PaymentRow[];
}

export const toOrder = (r: OrderRow, parts: OrderParts): Order => ({
  ...toSummary(r),
  discountCode: r.discount_code,
  shippingOption: r.shipping_option ? { ...r.shipping_option, amount: toMinor(r.shipping_option.amount) } : null,
  shippingAddress: r.shipping_address,
  billingAddress: r.billing_address,
  lines: parts.lines.map(toLine),
  history: parts.history.map(toHistory),
  payments: parts.payments.map(toPayment),
  allowedTransitions: [...allowedTransitions(r.status)],
});

const PARTS_SQL = `
  COALESCE((SELECT json_agg(l ORDER BY l.position, l.id) FROM (SELECT id, product_id, variant_id, title, variant_title, sku, quantity,
      unit_price, subtotal, discount_total, tax_total, total, position FROM commerce_order_lines WHERE order_id = o.id) l), '[]') AS lines,
  COALESCE((SELECT json_agg(h ORDER BY h.created_at, h.id) FROM (SELECT id, from_status, to_status, actor_id, note, created_at
      FROM commerce_order_history WHERE order_id = o.id) h), '[]') AS history,
  COALESCE((SELECT json_agg(p ORDER BY p.created_at, p.id) FROM (SELECT id, provider, status, currency_code, amount, refunded_amount,
      provider_reference, created_at, updated_at FROM commerce_payments WHERE order_id = o.id) p), '[]') AS payments`;

/** One order with its lines, history and payments in one round trip, or null when there is none (or it is another tenant's). */
export const loadOrder = async (tx: SqlRunner, id: string): Promise<Order | null> => {
  const { rows } = await tx.query<OrderRow & OrderParts>(
    `SELECT ${ORDER_COLUMNS.split(',')
      .map((c) => `o.${c.trim()}`)
      .join(', ')}, ${PARTS_SQL} FROM commerce_orders o WHERE o.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? toOrder(row, row) : null;
};
