import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { noticesQuery } from '../api/inbox.js';
import { appRoute } from './app.js';

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  loader: ({ context: { queryClient } }) =>
    Promise.all([queryClient.ensureInfiniteQueryData(noticesQuery), queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./notifications.page.js'), 'Notifications'),
});
