import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { rolesQuery, usersQuery } from '../api/users.js';
import { appRoute } from './app.js';

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(usersQuery),
      context.queryClient.ensureQueryData(rolesQuery),
      context.queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./users.page.js'), 'Users'),
});
