import { defineModule } from '@rustok/kernel';
import { notificationsErrors } from './errors.js';
import { notificationsEvents } from './events.js';
import { webhooksGraphQL } from './graphql/webhooks.js';
import { notificationsMigrations } from './migrations.js';
import { NotificationsOptionsSchema } from './options.js';
import { webhookRoutes } from './routes/webhooks.js';
import { webhookFanOut } from './webhooks/fan-out.js';
import { webhookDeliveryJob } from './webhooks/job.js';

export const NOTIFICATIONS_PERMISSIONS = ['notifications.webhooks.read', 'notifications.webhooks.manage'] as const;

/**
 * Notifications: what happened in a tenant, told to its other systems. Webhooks: endpoints per
 * tenant, every event fanned out to the endpoints subscribed to it by an outbox consumer, sent
 * signed (Standard Webhooks) by a delivery job through the SSRF guard, retried for about three days,
 * every attempt logged. Depends on the platform only.
 */
export const notificationsModule = defineModule({
  slug: 'notifications',
  name: 'Notifications',
  description: 'Signed webhooks to the tenant’s other systems, with retries and a delivery log',
  version: '0.1.0',
  kind: 'optional',
  errors: [notificationsErrors],
  permissions: [...NOTIFICATIONS_PERMISSIONS],
  options: NotificationsOptionsSchema,
  migrations: notificationsMigrations,
  events: { emits: notificationsEvents, handles: [webhookFanOut] },
  jobs: [webhookDeliveryJob],
  rest: async (app) => {
    await app.register(webhookRoutes);
  },
  graphql: (builder) => {
    webhooksGraphQL(builder);
  },
});
