import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { webhookDeliveryQuery, webhookEndpointQuery } from '../api/webhooks.js';
import { appRoute } from './app.js';

export const webhookDeliveryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks/$id/deliveries/$deliveryId',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(webhookEndpointQuery(params.id)),
      queryClient.ensureQueryData(webhookDeliveryQuery(params.deliveryId)),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./webhook-delivery.page.js'), 'WebhookDelivery'),
});
