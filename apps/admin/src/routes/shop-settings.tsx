import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shopListQuery } from '../api/shop-settings.js';
import { appRoute } from './app.js';

export const shopSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/shop-settings',
  loader: ({ context: { queryClient } }) =>
    Promise.all([
      queryClient.ensureQueryData(shopListQuery('tax-rates')),
      queryClient.ensureQueryData(shopListQuery('shipping-options')),
      queryClient.ensureQueryData(shopListQuery('discounts')),
    ]),
  component: lazyRouteComponent(() => import('./shop-settings.page.js'), 'ShopSettings'),
});
