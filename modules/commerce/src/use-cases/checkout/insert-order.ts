import type { SqlRunner } from '@rustok/kernel';
import type { ShippingChoice } from '../../schemas/cart.js';
import type { Address, Order } from '../../schemas/order.js';
import type { Totals } from '../../totals.js';
import { type LineRow, ORDER_COLUMNS, type OrderRow, toOrder } from '../orders/order-view.js';

export interface NewOrder {
  readonly id: string;
  readonly cartId: string;
  readonly customerId: string | null;
  readonly email: string;
  readonly currencyCode: string;
  readonly totals: Totals;
  readonly discountCode: string | null;
  readonly shipping: ShippingChoice | null;
  readonly shippingAddress: Address;
  readonly billingAddress: Address;
  readonly idempotencyKey: string | null;
  /** Snapshots of the lines, in cart order, with their totals. */
  readonly lines: readonly LineRow[];
  readonly reservations: readonly { id: string; variantId: string; quantity: number }[];
  readonly historyId: string;
  readonly actorId: string | null;
}

const col = <K extends keyof LineRow>(lines: readonly LineRow[], key: K) => lines.map((l) => l[key]);

// The display number is taken in the same statement that writes the order, as late in the
// transaction as possible: the tenant's sequence row stays locked only until the commit.
const INSERT_SQL = `
WITH seq AS (
  INSERT INTO commerce_order_sequences AS s (last_display_id) VALUES (1)
  ON CONFLICT (tenant_id) DO UPDATE SET last_display_id = s.last_display_id + 1
  RETURNING s.last_display_id
), o AS (
  INSERT INTO commerce_orders (id, display_id, cart_id, customer_id, email, currency_code, subtotal, discount_total,
      shipping_total, tax_total, total, discount_code, shipping_option, shipping_address, billing_address, idempotency_key,
      created_at, updated_at)
  SELECT $1, seq.last_display_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15,
         date_trunc('milliseconds', now()), date_trunc('milliseconds', now()) FROM seq
  RETURNING ${ORDER_COLUMNS}
), l AS (
  INSERT INTO commerce_order_lines (id, order_id, product_id, variant_id, title, variant_title, sku, quantity, unit_price,
      subtotal, discount_total, tax_total, total, position)
  SELECT u.id, $1, u.product_id, u.variant_id, u.title, u.variant_title, u.sku, u.quantity, u.unit_price, u.subtotal,
         u.discount_total, u.tax_total, u.total, u.ord - 1
    FROM unnest($16::uuid[], $17::uuid[], $18::uuid[], $19::text[], $20::text[], $21::text[], $22::int[], $23::bigint[],
                $24::bigint[], $25::bigint[], $26::bigint[], $27::bigint[])
         WITH ORDINALITY AS u(id, product_id, variant_id, title, variant_title, sku, quantity, unit_price, subtotal,
                              discount_total, tax_total, total, ord)
), r AS (
  INSERT INTO commerce_reservations (id, order_id, variant_id, quantity)
  SELECT u.id, $1, u.variant_id, u.quantity FROM unnest($28::uuid[], $29::uuid[], $30::int[]) AS u(id, variant_id, quantity)
), c AS (
  UPDATE commerce_carts SET status = 'completed', order_id = $1, email = $4, updated_at = now() WHERE id = $2
), h AS (
  INSERT INTO commerce_order_history (id, order_id, from_status, to_status, actor_id, created_at)
  VALUES ($31, $1, NULL, 'pending', $32, date_trunc('milliseconds', now()))
)
SELECT * FROM o`;

/**
 * Writes the order with its display number, line snapshots, stock reservations and first history
 * entry, and marks the cart completed, in one statement (one round trip); answers the order as
 * GET /commerce/orders/{id} would.
 */
export const insertOrder = async (tx: SqlRunner, o: NewOrder): Promise<Order> => {
  const t = o.totals;
  const { rows } = await tx.query<OrderRow>(INSERT_SQL, [
    o.id,
    o.cartId,
    o.customerId,
    o.email,
    o.currencyCode,
    t.subtotal,
    t.discountTotal,
    t.shippingTotal,
    t.taxTotal,
    t.total,
    o.discountCode,
    o.shipping ? JSON.stringify(o.shipping) : null,
    JSON.stringify(o.shippingAddress),
    JSON.stringify(o.billingAddress),
    o.idempotencyKey,
    ...(['id', 'product_id', 'variant_id', 'title', 'variant_title', 'sku', 'quantity'] as const).map((k) => col(o.lines, k)),
    ...(['unit_price', 'subtotal', 'discount_total', 'tax_total', 'total'] as const).map((k) => col(o.lines, k)),
    o.reservations.map((r) => r.id),
    o.reservations.map((r) => r.variantId),
    o.reservations.map((r) => r.quantity),
    o.historyId,
    o.actorId,
  ]);
  const row = rows[0] as OrderRow;
  const history = [
    { id: o.historyId, from_status: null, to_status: 'pending' as const, actor_id: o.actorId, note: null, created_at: row.created_at },
  ];
  return toOrder(row, { lines: o.lines, history, payments: [] });
};
