import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { webhookEndpointsQuery } from '../api/webhooks.js';
import { appRoute } from './app.js';

export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(webhookEndpointsQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./webhooks.page.js'), 'Webhooks'),
});
