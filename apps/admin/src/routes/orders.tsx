import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { ORDER_STATUSES, type OrderFilter, type OrderStatus } from '../api/orders.js';
import { appRoute } from './app.js';

/** The list's filter as the address keeps it (a filtered list can be shared): `?status=paid&q=ada`. */
const filterOf = (search: Record<string, unknown>): OrderFilter => {
  const status = ORDER_STATUSES.includes(search.status as OrderStatus) ? (search.status as OrderStatus) : undefined;
  const q = typeof search.q === 'string' || typeof search.q === 'number' ? String(search.q).trim().slice(0, 320) : '';
  return { ...(status ? { status } : {}), ...(q ? { q } : {}) };
};

export const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  validateSearch: filterOf,
  component: lazyRouteComponent(() => import('./orders.page.js'), 'Orders'),
});
