import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { ORDER_STATUSES, type OrderStatus } from '../api/orders.js';
import { appRoute } from './app.js';

interface Search {
  readonly status?: OrderStatus;
}

export const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  validateSearch: (search: Record<string, unknown>): Search =>
    ORDER_STATUSES.includes(search.status as OrderStatus) ? { status: search.status as OrderStatus } : {},
  component: lazyRouteComponent(() => import('./orders.page.js'), 'Orders'),
});
