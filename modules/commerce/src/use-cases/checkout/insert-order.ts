import type { SqlRunner } from '@rustok/kernel';
import { commerceErrors } from '../../errors.js';
import type { ShippingChoice } from '../../schemas/cart.js';
import type { Address, Order } from '../../schemas/order.js';
import type { Totals } from '../../totals.js';
import { type LineRow, type OrderRow, toOrder } from '../orders/order-view.js';
import { PLACE_SQL } from './place-sql.js';
import { ensureBackorderRows, inLockOrder, type StockClaim, type StockRow, type StockTaken, stockOutcome } from './reserve-stock.js';

export interface NewOrder {
  readonly id: string;
  readonly cartId: string;
  readonly customerId: string | null;
  readonly email: string;
  readonly currencyCode: string;
  readonly totals: Totals;
  readonly discount: { readonly id: string; readonly code: string } | null;
  readonly shipping: ShippingChoice | null;
  readonly shippingAddress: Address;
  readonly billingAddress: Address;
  readonly idempotencyKey: string | null;
  /** The customer's locale at checkout (the order's mails are written in it). */
  readonly locale: string | null;
  /** SHA-256 (hex) of the order's first token. */
  readonly tokenHash: string;
  /** Snapshots of the lines, in cart order, with their totals. */
  readonly lines: readonly LineRow[];
  /** Stock to take (variants that manage inventory), with a reservation id each. */
  readonly claims: readonly (StockClaim & { readonly reservationId: string })[];
  readonly historyId: string;
  readonly actorId: string | null;
}

type PlaceRow = OrderRow & { stock_ok: boolean; placed: boolean; stock: StockRow[] };

const col = <K extends keyof LineRow>(lines: readonly LineRow[], key: K) => lines.map((l) => l[key]);

const paramsOf = (o: NewOrder, sorted: readonly NewOrder['claims'][number][]): unknown[] => {
  const t = o.totals;
  return [
    ...[o.id, o.cartId, o.customerId, o.email, o.currencyCode],
    ...[t.subtotal, t.discountTotal, t.shippingTotal, t.taxTotal, t.total],
    o.discount?.code ?? null,
    o.shipping ? JSON.stringify(o.shipping) : null,
    JSON.stringify(o.shippingAddress),
    JSON.stringify(o.billingAddress),
    o.idempotencyKey,
    ...(['id', 'product_id', 'variant_id', 'title', 'variant_title', 'sku', 'quantity'] as const).map((k) => col(o.lines, k)),
    ...(['unit_price', 'subtotal', 'discount_total', 'tax_total', 'total'] as const).map((k) => col(o.lines, k)),
    sorted.map((c) => c.reservationId),
    sorted.map((c) => c.variantId),
    sorted.map((c) => c.quantity),
    sorted.map((c) => c.allowBackorder),
    o.historyId,
    o.actorId,
    o.discount?.id ?? null,
    o.tokenHash,
    o.locale,
  ];
};

/**
 * Takes the stock, counts the discount use, numbers and writes the order with its line snapshots,
 * reservations and first history entry, and completes the cart — one statement (see PLACE_SQL).
 * Answers the order as GET /commerce/orders/{id} would, and what was taken from stock; 409
 * COMMERCE_INSUFFICIENT_STOCK or COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED otherwise.
 */
export const writeOrder = async (tx: SqlRunner, o: NewOrder): Promise<{ order: Order; taken: StockTaken[] }> => {
  const sorted = inLockOrder(o.claims) as NewOrder['claims'][number][];
  await ensureBackorderRows(tx, sorted);
  const { rows } = await tx.query<PlaceRow>(PLACE_SQL, paramsOf(o, sorted));
  const row = rows[0] as PlaceRow;
  const taken = stockOutcome(sorted, row.stock);
  if (!row.placed) throw commerceErrors.COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED(`Discount code ${o.discount?.code} reached its usage limit`);
  const history = [
    { id: o.historyId, from_status: null, to_status: 'pending' as const, actor_id: o.actorId, note: null, created_at: row.created_at },
  ];
  return { order: toOrder(row, { lines: o.lines, history, payments: [] }), taken };
};
