import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { priceListQuery } from '../api/price-lists.js';
import { appRoute } from './app.js';

export const priceListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/price-lists/$id',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(priceListQuery(params.id)),
  component: lazyRouteComponent(() => import('./price-list.page.js'), 'PriceListPage'),
});
