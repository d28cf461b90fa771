import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { menusQuery } from '../api/menus.js';
import { appRoute } from './app.js';

export const menusRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/menus',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(menusQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./menus.page.js'), 'Menus'),
});
