import { adminTool } from '@rustok/api';
import { Id, type ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { mcpNotificationsContextOf as contextOf } from './context.js';
import { DeliveryList, EndpointList, PageQuery, WebhookDelivery } from './schemas.js';
import { listDeliveries, redeliver } from './use-cases/deliveries.js';
import { listEndpoints } from './use-cases/read-endpoints.js';

const listWebhookEndpoints = adminTool({
  name: 'list_webhook_endpoints',
  title: 'List webhook endpoints',
  description: "The tenant's webhook endpoints, newest first: URL, subscribed event types, whether enabled (secrets never shown).",
  input: PageQuery,
  output: EndpointList,
  effect: 'read',
  permission: 'notifications.webhooks.read',
  run: (c, input, call) => listEndpoints(contextOf(c, call.app), input),
});

const listWebhookDeliveries = adminTool({
  name: 'list_webhook_deliveries',
  title: 'List webhook deliveries',
  description: "An endpoint's delivery log, newest first: event type, status, attempts, last response. Keyset pages (cursor).",
  input: Type.Object({ endpointId: Id(), ...PageQuery.properties }, { additionalProperties: false }),
  output: DeliveryList,
  effect: 'read',
  permission: 'notifications.webhooks.read',
  run: (c, { endpointId, ...page }, call) => listDeliveries(contextOf(c, call.app), endpointId, page),
});

const redeliverWebhook = adminTool({
  name: 'redeliver_webhook',
  title: 'Redeliver a webhook',
  description:
    'Send a delivery again now (the same message id, a fresh retry schedule), whatever became of it before. The receiver gets it again: needs confirm: true.',
  input: Type.Object({ deliveryId: Id() }, { additionalProperties: false }),
  output: WebhookDelivery,
  effect: 'destructive',
  permission: 'notifications.webhooks.manage',
  run: (c, input, call) => redeliver(contextOf(c, call.app), input.deliveryId),
});

/** The notifications module's staff tools: webhook endpoints and their deliveries. */
export const notificationsMcp: ModuleMcp = { tools: [listWebhookEndpoints, listWebhookDeliveries, redeliverWebhook] };
