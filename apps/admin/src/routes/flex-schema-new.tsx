import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { appRoute } from './app.js';

export const flexSchemaNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex/new',
  loader: ({ context }) => context.queryClient.ensureQueryData(meQuery),
  component: lazyRouteComponent(() => import('./flex-schema-new.page.js'), 'FlexSchemaNew'),
});
