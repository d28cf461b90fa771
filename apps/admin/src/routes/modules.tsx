import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { modulesQuery } from '../api/modules.js';
import { appRoute } from './app.js';

export const modulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/modules',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(modulesQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./modules.page.js'), 'Modules'),
});
