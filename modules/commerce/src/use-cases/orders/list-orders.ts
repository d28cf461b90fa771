import { parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import { ListOrdersQuery, type OrderSummary, type Paged } from '../../schemas/order.js';

import { readScope } from './access.js';

import { sqlParams } from './kit.js';

import { ORDER_COLUMNS, type OrderRow, toSummary } from './order-view.js';

/** One page of orders, newest first (keyset on the time-ordered id); only `customerId`'s when given. */
export const orderPage = async (w: CommerceTx, raw: Partial<ListOrdersQuery>, customerId: string | null): Promise<Paged<OrderSummary>> => {
  const query = parseInput(ListOrdersQuery, { limit: 20, ...raw });
  const p = sqlParams();
  const where: string[] = [];
  if (customerId !== null) where.push(`customer_id = ${p.add(customerId)}`);
  if (query.status) where.push(`status = ${p.add(query.status)}`);
  if (query.cursor) where.push(`id < ${p.add(query.cursor)}`);
  const { rows } = await w.tx.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM commerce_orders ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT ${query.limit + 1}`,
    p.values,
  );
  const items = rows.slice(0, query.limit).map(toSummary);
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
};

/** GET /commerce/orders: newest first; customers with read_own see their own only. */
export const listOrders = (ctx: CommerceContext, raw: Partial<ListOrdersQuery> = {}): Promise<Paged<OrderSummary>> =>
  inTenant(ctx, async (w) => orderPage(w, raw, readScope(w.actor) === 'own' ? w.actor.userId : null));
