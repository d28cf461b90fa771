import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { productsQuery } from '../api/products.js';
import { appRoute } from './app.js';

export const productsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/products',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureInfiniteQueryData(productsQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./products.page.js'), 'Products'),
});
