import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { tenantsQuery } from '../api/tenants.js';
import { appRoute } from './app.js';

export const tenantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tenants',
  loader: ({ context }) => context.queryClient.ensureQueryData(tenantsQuery),
  component: lazyRouteComponent(() => import('./tenants.page.js'), 'Tenants'),
});
