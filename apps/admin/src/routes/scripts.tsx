import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { scriptsQuery } from '../api/scripting.js';
import { appRoute } from './app.js';

export const scriptsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scripts',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(scriptsQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./scripts.page.js'), 'Scripts'),
});
