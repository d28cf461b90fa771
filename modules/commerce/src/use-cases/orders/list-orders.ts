import { parseInput } from '@rustok/kernel';
import { type CommerceContext, inTenant } from '../../context.js';
import { ListOrdersQuery, type OrderSummary, type Paged } from '../../schemas/order.js';
import { readScope } from './access.js';
import { sqlParams } from './kit.js';
import { ORDER_COLUMNS, type OrderRow, toSummary } from './order-view.js';

/** GET /commerce/orders: newest first (keyset on the time-ordered id); customers with read_own see their own only. */
export const listOrders = (ctx: CommerceContext, raw: Partial<ListOrdersQuery> = {}): Promise<Paged<OrderSummary>> =>
  inTenant(ctx, async (w) => {
    const query = parseInput(ListOrdersQuery, { limit: 20, ...raw });
    const scope = readScope(w.actor);
    const p = sqlParams();
    const where: string[] = [];
    if (scope === 'own') where.push(`customer_id = ${p.add(w.actor.userId)}`);
    if (query.status) where.push(`status = ${p.add(query.status)}`);
    if (query.cursor) where.push(`id < ${p.add(query.cursor)}`);
    const { rows } = await w.tx.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM commerce_orders ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT ${query.limit + 1}`,
      p.values,
    );
    const items = rows.slice(0, query.limit).map(toSummary);
    return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
  });
