import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexSchemasQuery } from '../api/flex.js';
import { appRoute } from './app.js';

export const flexSchemasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(flexSchemasQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./flex-schemas.page.js'), 'FlexSchemas'),
});
