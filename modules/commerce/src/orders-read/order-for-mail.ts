import type { SqlRunner } from '@rustok/kernel';

/** An order as the customer's and the staff's mails show it (amounts in minor units of its currency). */
export interface OrderForMail {
  readonly id: string;
  readonly number: string;
  readonly email: string;
  /** The customer's locale at checkout, when the storefront gave it. */
  readonly locale: string | null;
  readonly customerName: string;
  readonly placedAt: string;
  readonly currency: string;
  readonly items: readonly { readonly title: string; readonly quantity: number; readonly unitPrice: number; readonly total: number }[];
  readonly subtotal: number;
  readonly discount: number;
  readonly shipping: number;
  readonly tax: number;
  readonly total: number;
}

type Row = {
  id: string;
  display_id: string | number;
  email: string;
  locale: string | null;
  customer_name: string | null;
  created_at: Date | string;
  currency_code: string;
  subtotal: string | number;
  discount_total: string | number;
  shipping_total: string | number;
  tax_total: string | number;
  total: string | number;
  items: { title: string; variant_title: string; quantity: number; unit_price: string | number; total: string | number }[];
};

/**
 * One order of the tenant (the caller's tenant transaction) with its lines, for mails; undefined when
 * it is not the tenant's. Read-only: the notifications module reads orders through this, never their tables.
 */
export const loadOrderForMail = async (tx: SqlRunner, orderId: string): Promise<OrderForMail | undefined> => {
  const { rows } = await tx.query<Row>(
    `SELECT o.id, o.display_id, o.email, o.locale, o.shipping_address->>'name' AS customer_name, o.created_at, o.currency_code,
            o.subtotal, o.discount_total, o.shipping_total, o.tax_total, o.total,
            coalesce((SELECT json_agg(json_build_object('title', l.title, 'variant_title', l.variant_title, 'quantity', l.quantity,
                        'unit_price', l.unit_price, 'total', l.total) ORDER BY l.position)
                        FROM commerce_order_lines l WHERE l.order_id = o.id), '[]') AS items
       FROM commerce_orders o WHERE o.id = $1`,
    [orderId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    number: String(r.display_id),
    email: r.email,
    locale: r.locale,
    customerName: r.customer_name ?? '',
    placedAt: new Date(r.created_at).toISOString(),
    currency: r.currency_code,
    items: r.items.map((l) => ({
      title: l.variant_title && l.variant_title !== 'Default' ? `${l.title}, ${l.variant_title}` : l.title,
      quantity: l.quantity,
      unitPrice: Number(l.unit_price),
      total: Number(l.total),
    })),
    subtotal: Number(r.subtotal),
    discount: Number(r.discount_total),
    shipping: Number(r.shipping_total),
    tax: Number(r.tax_total),
    total: Number(r.total),
  };
};
