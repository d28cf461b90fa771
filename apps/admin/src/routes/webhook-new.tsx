import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { webhookEventTypesQuery } from '../api/webhooks.js';
import { appRoute } from './app.js';

export const webhookNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks/new',
  loader: ({ context }) => context.queryClient.ensureQueryData(webhookEventTypesQuery),
  component: lazyRouteComponent(() => import('./webhook-new.page.js'), 'WebhookNew'),
});
