import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { productQuery } from '../api/products.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { appRoute } from './app.js';

export const productRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/products/$id',
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(productQuery(params.id)),
      context.queryClient.ensureQueryData(meQuery),
      context.queryClient.ensureQueryData(tenantLocalesQuery),
    ]),
  component: lazyRouteComponent(() => import('./product.page.js'), 'ProductPage'),
});
