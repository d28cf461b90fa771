import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { priceListsQuery } from '../api/price-lists.js';
import { appRoute } from './app.js';

export const priceListsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/price-lists',
  loader: ({ context }) => context.queryClient.ensureQueryData(priceListsQuery),
  component: lazyRouteComponent(() => import('./price-lists.page.js'), 'PriceLists'),
});
