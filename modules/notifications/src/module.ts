import { defineModule } from '@rustok/kernel';
import { notificationsErrors } from './errors.js';
import { notificationsEvents } from './events.js';
import { inboxGraphQL } from './graphql/inbox.js';
import { mailGraphQL } from './graphql/mail.js';
import { webhooksGraphQL } from './graphql/webhooks.js';
import { inboxLive } from './inbox/live.js';
import { inboxNotices } from './inbox/produce.js';
import { mailOutboundMessages } from './mail/auth-port.js';
import { commentApprovedMails } from './mail/comment-mails.js';
import { mailDeliveryJob } from './mail/job.js';
import { orderMails } from './mail/order-mails.js';
import { orderShippedMails } from './mail/order-shipped-mails.js';
import { notificationsMcp } from './mcp.js';
import { notificationsMigrations } from './migrations.js';
import { NotificationsOptionsSchema } from './options.js';
import { logRetentionJob } from './retention.js';
import { inboxRoutes } from './routes/inbox.js';
import { mailRoutes } from './routes/mail.js';
import { webhookRoutes } from './routes/webhooks.js';
import { webhookFanOut } from './webhooks/fan-out.js';
import { webhookDeliveryJob } from './webhooks/job.js';
import { NotificationsTenantSettingsSchema } from './webhooks/tenant-limits.js';

export const NOTIFICATIONS_PERMISSIONS = [
  'notifications.webhooks.read',
  'notifications.webhooks.manage',
  'notifications.mail.read',
  'notifications.mail.manage',
  'notifications.inbox.manage',
] as const;

/**
 * Notifications: what happened in a tenant, told to its other systems, its customers and its staff.
 * Webhooks: endpoints per tenant, every event fanned out to the endpoints subscribed to it by an
 * outbox consumer, sent signed (Standard Webhooks) by a delivery job through the SSRF guard, retried
 * for about three days, every attempt logged. E-mail from templates per tenant and locale. In-app
 * notices per user, made from events by a consumer, read over REST, GraphQL and a live stream.
 * Depends on the platform only.
 */
export const notificationsModule = defineModule({
  slug: 'notifications',
  name: 'Notifications',
  description:
    'Signed webhooks with retries and a delivery log; e-mail from templates per tenant and locale, with a send log; in-app notifications',
  version: '0.1.0',
  kind: 'optional',
  errors: [notificationsErrors],
  permissions: [...NOTIFICATIONS_PERMISSIONS],
  options: NotificationsOptionsSchema,
  config: NotificationsTenantSettingsSchema,
  migrations: notificationsMigrations,
  /** Reads an order (commerce's contract) and an approved comment (blog's contract) for their mails and notices, when those modules are there. */
  uses: [
    { slug: 'commerce', optional: true },
    { slug: 'blog', optional: true },
  ],
  events: {
    emits: notificationsEvents,
    handles: [webhookFanOut, orderMails, orderShippedMails, commentApprovedMails, inboxNotices, inboxLive],
  },
  jobs: [webhookDeliveryJob, mailDeliveryJob, logRetentionJob],
  ports: { outboundMessages: mailOutboundMessages },
  mcp: notificationsMcp,
  rest: async (app) => {
    await app.register(webhookRoutes);
    await app.register(mailRoutes);
    await app.register(inboxRoutes);
  },
  graphql: (builder) => {
    webhooksGraphQL(builder);
    mailGraphQL(builder);
    inboxGraphQL(builder);
  },
});
