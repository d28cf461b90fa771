import { parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import { ListOrdersQuery, type OrderSummary, type Paged } from '../../schemas/order.js';

import { readScope } from './access.js';

import { sqlParams } from './kit.js';

import { ORDER_COLUMNS, type OrderRow, toSummary } from './order-view.js';

const ORDER_NUMBER = /^(#?)(\d{1,15})$/;

/**
 * The condition for a search `q`: `#123` is order number 123; `123` is that number or an e-mail
 * address starting with it; anything else is the start of an e-mail address, in any case. Both are
 * index lookups (the tenant's display id, and `lower(email)` by prefix), never a scan for a substring.
 */
export const orderSearch = (q: string, p: ReturnType<typeof sqlParams>): string => {
  const text = q.trim();
  const number = ORDER_NUMBER.exec(text);
  if (number?.[1] === '#') return `display_id = ${p.add(Number(number[2]))}`;
  const prefix = `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const email = `lower(email) LIKE ${p.add(prefix)}`;
  return number ? `(display_id = ${p.add(Number(number[2]))} OR ${email})` : email;
};

/** One page of orders, newest first (keyset on the time-ordered id), by status and search; only `customerId`'s when given. */
export const orderPage = async (w: CommerceTx, raw: Partial<ListOrdersQuery>, customerId: string | null): Promise<Paged<OrderSummary>> => {
  const query = parseInput(ListOrdersQuery, { limit: 20, ...raw });
  const p = sqlParams();
  const where: string[] = [];
  if (customerId !== null) where.push(`customer_id = ${p.add(customerId)}`);
  if (query.status) where.push(`status = ${p.add(query.status)}`);
  if (query.q) where.push(orderSearch(query.q, p));
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
  inTenant(ctx, async (w) => orderPage(w, raw, readScope(w.actor) === 'own' ? w.actor.userId : null), { reads: true });
