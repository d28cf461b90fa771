import { kernelErrors, parseInput } from '@rustok/kernel';

import { type CommerceContext, type CommerceTx, inTenant } from '../../context.js';
import { toMinor } from '../../money.js';
import type { OrderStatus } from '../../schemas/order.js';
import { type CommerceStats, CommerceStatsQuery, type LowStock, type OrderFigures } from '../../schemas/stats.js';

/** Orders whose money the shop has: paid or further along (pending, cancelled and refunded do not count). */
export const REVENUE_STATUSES: readonly OrderStatus[] = ['paid', 'fulfilled', 'shipped', 'delivered'];

const LOW_STOCK_LIMIT = 20;
const DAY_MS = 86_400_000;

/** 00:00 UTC of the day `now` falls on, and of the sixth day before it. */
export const statsWindows = (now: Date): { today: Date; last7Days: Date } => {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { today, last7Days: new Date(today.getTime() - 6 * DAY_MS) };
};

interface WindowRow {
  window: 'today' | 'last7Days';
  currency_code: string;
  orders: unknown;
  revenue: unknown;
  [key: string]: unknown;
}

/** Counts and revenue per currency of the orders placed since each window's start (one grouped pass). */
const orderFigures = async (w: CommerceTx, now: Date): Promise<OrderFigures> => {
  const starts = statsWindows(now);
  const { rows } = await w.tx.query<WindowRow>(
    `SELECT win.name AS window, o.currency_code,
            count(*) AS orders,
            coalesce(sum(o.total) FILTER (WHERE o.status = ANY($3::text[])), 0) AS revenue
       FROM (VALUES ('today', $1::timestamptz), ('last7Days', $2::timestamptz)) AS win(name, since)
       JOIN commerce_orders o ON o.created_at >= win.since
      GROUP BY win.name, o.currency_code
      ORDER BY o.currency_code`,
    [starts.today.toISOString(), starts.last7Days.toISOString(), REVENUE_STATUSES],
  );
  const figures = (name: WindowRow['window']) => {
    const mine = rows.filter((r) => r.window === name);
    return {
      count: mine.reduce((n, r) => n + toMinor(r.orders), 0),
      revenue: mine.map((r) => ({ currencyCode: r.currency_code.trim(), amount: toMinor(r.revenue) })).filter((r) => r.amount > 0),
    };
  };
  return { today: figures('today'), last7Days: figures('last7Days') };
};

interface LowStockRow {
  variant_id: string;
  product_id: string;
  product_title: string;
  variant_title: string;
  sku: string | null;
  available: number;
  [key: string]: unknown;
}

/** Tracked variants of products not archived at or below the threshold, lowest stock first. */
const lowStock = async (w: CommerceTx, threshold: number): Promise<LowStock[]> => {
  const { rows } = await w.tx.query<LowStockRow>(
    `SELECT v.id AS variant_id, p.id AS product_id, p.title AS product_title, v.title AS variant_title, v.sku,
            coalesce(i.available, 0)::int AS available
       FROM commerce_variants v
       JOIN commerce_products p ON p.tenant_id = v.tenant_id AND p.id = v.product_id
       LEFT JOIN commerce_inventory i ON i.variant_id = v.id
      WHERE v.manage_inventory AND p.status <> 'archived' AND coalesce(i.available, 0) <= $1
      ORDER BY coalesce(i.available, 0), p.title, v.position, v.id
      LIMIT ${LOW_STOCK_LIMIT}`,
    [threshold],
  );
  return rows.map((r) => ({
    variantId: r.variant_id,
    productId: r.product_id,
    productTitle: r.product_title,
    variantTitle: r.variant_title,
    sku: r.sku,
    available: Number(r.available),
  }));
};

/**
 * GET /commerce/stats: order figures (with commerce.orders.read) and low stock (with
 * commerce.products.read, the permission stock is read with). A part the caller may not read is
 * null; a caller who may read neither gets 403. Tenant-scoped through the tenant's transaction (RLS).
 */
export const commerceStats = (
  ctx: CommerceContext,
  raw: Partial<CommerceStatsQuery> = {},
  now: Date = new Date(),
): Promise<CommerceStats> =>
  inTenant(ctx, async (w) => {
    const query = parseInput(CommerceStatsQuery, { lowStockThreshold: 5, ...raw });
    const orders = w.actor.can('commerce.orders.read');
    const stock = w.actor.can('commerce.products.read');
    if (!orders && !stock) {
      throw kernelErrors.AUTH_FORBIDDEN('Shop figures need commerce.orders.read or commerce.products.read');
    }
    return {
      orders: orders ? await orderFigures(w, now) : null,
      lowStock: stock ? await lowStock(w, query.lowStockThreshold) : null,
    };
  });
