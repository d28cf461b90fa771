import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { webhookDeliveriesQuery, webhookEndpointQuery, webhookEventTypesQuery } from '../api/webhooks.js';
import { appRoute } from './app.js';

export const webhookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks/$id',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(webhookEndpointQuery(params.id)),
      queryClient.ensureInfiniteQueryData(webhookDeliveriesQuery(params.id)),
      queryClient.ensureQueryData(webhookEventTypesQuery),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./webhook.page.js'), 'WebhookEndpoint'),
});
