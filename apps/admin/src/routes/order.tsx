import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { orderQuery } from '../api/orders.js';
import { appRoute } from './app.js';

export const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders/$id',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(orderQuery(params.id)),
  component: lazyRouteComponent(() => import('./order.page.js'), 'OrderPage'),
});
