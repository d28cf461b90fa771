import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';
import { toOrderSummary } from './orders.js';
import { problemOf } from './problem.js';

interface Revenue {
  readonly currencyCode: string;
  /** Minor units of the currency. */
  readonly amount: number;
}

export interface OrderWindow {
  /** Orders placed in the window, whatever their status now. */
  readonly count: number;
  /** Totals of the paid-or-later orders placed in the window, per currency. */
  readonly revenue: readonly Revenue[];
}

export interface LowStockVariant {
  readonly variantId: string;
  readonly productId: string;
  readonly productTitle: string;
  readonly variantTitle: string;
  readonly sku: string | null;
  readonly available: number;
}

/** GET /commerce/stats: each part is null when the user may not read it (orders: commerce.orders.read; stock: commerce.products.read). */
export interface CommerceStats {
  /** `today` from 00:00 UTC; `last7Days`: today and the six UTC days before. */
  readonly orders: { readonly today: OrderWindow; readonly last7Days: OrderWindow } | null;
  readonly lowStock: readonly LowStockVariant[] | null;
}

export const LOW_STOCK_THRESHOLD = 5;

// REST: the stats (order counts, revenue, low stock) have no GraphQL field.
export const commerceStatsQuery = queryOptions({
  queryKey: ['commerce', 'stats', LOW_STOCK_THRESHOLD],
  queryFn: () => api<CommerceStats>(`/commerce/stats?lowStockThreshold=${LOW_STOCK_THRESHOLD}`),
  staleTime: 15_000,
});

const RecentOrdersDocument = graphql(`
  query RecentOrders {
    commerceOrders(first: 5) {
      items { id displayId status email currencyCode subtotal discountTotal shippingTotal taxTotal total createdAt }
    }
  }
`);

/** The newest few orders, for the dashboard. */
export const recentOrdersQuery = queryOptions({
  queryKey: ['commerce', 'orders', 'recent'],
  queryFn: async () => ({ items: ((await gql(RecentOrdersDocument)).commerceOrders?.items ?? []).map(toOrderSummary) }),
  staleTime: 15_000,
});

export type HealthStatus = 'ok' | 'degraded' | 'unavailable';

/** REST: GET /health/modules (outside /api/v1, public): each registered module and the worst of its checks. */
export interface ModuleHealth {
  readonly slug: string;
  readonly kind: 'core' | 'optional';
  readonly version: string;
  readonly status: HealthStatus;
  readonly checks: readonly { readonly name: string; readonly status: HealthStatus; readonly reason?: string }[];
}

export const moduleHealthQuery = queryOptions({
  queryKey: ['health', 'modules'],
  queryFn: async () => {
    const res = await fetch('/health/modules', { headers: { accept: 'application/json' } });
    if (!res.ok) throw await problemOf(res);
    return ((await res.json()) as { modules: ModuleHealth[] }).modules;
  },
  refetchInterval: 30_000,
});
