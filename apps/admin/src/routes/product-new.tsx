import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app.js';

export const productNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/products/new',
  component: lazyRouteComponent(() => import('./product-new.page.js'), 'NewProductPage'),
});
