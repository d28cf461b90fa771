import { expect } from 'vitest';
import { createdInA, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/**
 * Notifications: a tenant's webhook endpoints and their deliveries (named by id). The suite's
 * deployment queues deliveries without sending them (`deliver: false`), so nothing of B changes
 * while A calls; the endpoints subscribe to an event the suite never publishes.
 */

interface NotificationObjects {
  readonly endpointId: string;
  readonly url: string;
  readonly secret: string;
  /** A test message to the endpoint (queued). */
  readonly deliveryId: string;
}

const notifications = (side: Side): NotificationObjects => notificationsArea.of(side);
const endpointOfB = { id: (w: World) => notifications(w.b).endpointId };
const deliveryOfB = { id: (w: World) => notifications(w.b).deliveryId };
const endpointVars = (w: World) => ({ id: notifications(w.b).endpointId });
const deliveryVars = (w: World) => ({ id: notifications(w.b).deliveryId });
const ENDPOINT_NOT_FOUND = 'NOTIFICATIONS_ENDPOINT_NOT_FOUND';
const DELIVERY_NOT_FOUND = 'NOTIFICATIONS_DELIVERY_NOT_FOUND';
const EVENT_TYPES = ['notifications.webhook_endpoint.disabled'];

export const notificationsArea: Area<NotificationObjects> = defineArea<NotificationObjects>({
  name: 'notifications',
  async setup({ side, call }) {
    const url = `https://hooks.${side.tenant.slug}.example.com/rustok`;
    const res = await call('POST', '/api/v1/notifications/webhooks', side.admin, { url, eventTypes: EVENT_TYPES });
    expect(res.statusCode, res.body).toBe(201);
    const { id: endpointId, secret } = res.json<{ id: string; secret: string }>();
    const test = await call('POST', `/api/v1/notifications/webhooks/${endpointId}/test`, side.admin);
    expect(test.statusCode, test.body).toBe(202);
    return { endpointId, url, secret, deliveryId: test.json<{ id: string }>().id };
  },
  secretsOf: (o) => [o.endpointId, o.url, o.secret, o.deliveryId],
  tablesWithData: ['notifications_webhook_endpoints', 'notifications_webhook_deliveries'],
  routes: {
    'GET /api/v1/notifications/webhooks': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toEqual([notifications(w.a).endpointId]),
    },
    'POST /api/v1/notifications/webhooks': {
      kind: 'tenant',
      body: () => ({ url: 'https://made-by-a.example.com/h', eventTypes: EVENT_TYPES }),
      status: 201,
    },
    'GET /api/v1/notifications/webhooks/{id}': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND),
    'PATCH /api/v1/notifications/webhooks/{id}': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND, { body: () => ({ active: false }) }),
    'DELETE /api/v1/notifications/webhooks/{id}': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND),
    'POST /api/v1/notifications/webhooks/{id}/rotate-secret': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND, { body: () => ({}) }),
    'POST /api/v1/notifications/webhooks/{id}/test': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND),
    'GET /api/v1/notifications/webhooks/{id}/deliveries': refusedRoute(endpointOfB, ENDPOINT_NOT_FOUND),
    'GET /api/v1/notifications/webhook-deliveries/{id}': refusedRoute(deliveryOfB, DELIVERY_NOT_FOUND),
    'POST /api/v1/notifications/webhook-deliveries/{id}/redeliver': refusedRoute(deliveryOfB, DELIVERY_NOT_FOUND),
  },
  graphql: {
    'Query.webhookEndpoints': pageListsOnlyA(
      'webhookEndpoints',
      '{ webhookEndpoints(first: 50) { items { id url } } }',
      (w) => notifications(w.a).endpointId,
    ),
    'Query.webhookEventTypes': async (w) => {
      const reply = await w.gql(w.a.admin, '{ webhookEventTypes }');
      expect(reply.errors).toBeUndefined();
      expect(reply.data?.webhookEventTypes).toEqual(expect.arrayContaining(EVENT_TYPES));
      expectNoSecretsOfB(w, reply.text);
    },
    'Query.webhookEndpoint': refusedForB('query ($id: ID!) { webhookEndpoint(id: $id) { id url } }', endpointVars, ENDPOINT_NOT_FOUND),
    'Query.webhookDeliveries': refusedForB(
      'query ($id: ID!) { webhookDeliveries(endpointId: $id) { items { id } } }',
      endpointVars,
      ENDPOINT_NOT_FOUND,
    ),
    'Query.webhookDelivery': refusedForB('query ($id: ID!) { webhookDelivery(id: $id) { id payload } }', deliveryVars, DELIVERY_NOT_FOUND),
    'Mutation.createWebhookEndpoint': createdInA(
      'mutation { createWebhookEndpoint(input: { url: "https://gql-by-a.example.com/h", eventTypes: ["notifications.webhook_endpoint.disabled"] }) { id } }',
      {},
      'createWebhookEndpoint',
      'notifications_webhook_endpoints',
    ),
    'Mutation.updateWebhookEndpoint': refusedForB(
      'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false }) { id } }',
      endpointVars,
      ENDPOINT_NOT_FOUND,
    ),
    'Mutation.deleteWebhookEndpoint': refusedForB(
      'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      endpointVars,
      ENDPOINT_NOT_FOUND,
    ),
    'Mutation.rotateWebhookSecret': refusedForB(
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
      endpointVars,
      ENDPOINT_NOT_FOUND,
    ),
    'Mutation.testWebhookEndpoint': refusedForB(
      'mutation ($id: ID!) { testWebhookEndpoint(id: $id) { id } }',
      endpointVars,
      ENDPOINT_NOT_FOUND,
    ),
    'Mutation.redeliverWebhook': refusedForB('mutation ($id: ID!) { redeliverWebhook(id: $id) { id } }', deliveryVars, DELIVERY_NOT_FOUND),
  },
});
