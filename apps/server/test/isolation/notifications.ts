import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/**
 * Notifications: a tenant's webhook endpoints and their deliveries (named by id). The suite's
 * deployment queues deliveries without sending them (`deliver: false`), so nothing of B changes
 * while A calls; the endpoints subscribe to an event the suite never publishes.
 */

interface NotificationObjects {
  /** The tenant's own sender address and its own version of one mail (key and locale below). */
  readonly senderAddress: string;
  readonly subject: string;
  readonly endpointId: string;
  readonly url: string;
  readonly secret: string;
  /** A test message to the endpoint (queued). */
  readonly deliveryId: string;
}

const notifications = (side: Side): NotificationObjects => notificationsArea.of(side);

/** A field of the tenant's own mail data: answered for A, with A's value in it and nothing of B. */
const ownOnly =
  (query: string, valueOfA: (w: World) => string, variables?: (w: World) => Record<string, unknown>) =>
  async (w: World): Promise<void> => {
    const reply = await w.gql(w.a.admin, query, variables?.(w));
    expect(reply.errors, reply.text).toBeUndefined();
    expect(reply.text).toContain(valueOfA(w));
    expectNoSecretsOfB(w, reply.text, variables ? [JSON.stringify(variables(w))] : []);
  };
const endpointOfB = { id: (w: World) => notifications(w.b).endpointId };
const deliveryOfB = { id: (w: World) => notifications(w.b).deliveryId };
const endpointVars = (w: World) => ({ id: notifications(w.b).endpointId });
const deliveryVars = (w: World) => ({ id: notifications(w.b).deliveryId });
const ENDPOINT_NOT_FOUND = 'NOTIFICATIONS_ENDPOINT_NOT_FOUND';
const DELIVERY_NOT_FOUND = 'NOTIFICATIONS_DELIVERY_NOT_FOUND';
const EVENT_TYPES = ['notifications.webhook_endpoint.disabled'];
/** The mail both tenants made their own (its key and locale are names, not objects of B). */
const MAIL = { key: () => 'comment.approved', locale: () => 'de' };
const MAIL_PATH = '/api/v1/notifications/mail/templates/comment.approved/de';
const MJML = '<mjml><mj-body><mj-section><mj-column><mj-text>{{ comment.excerpt }}</mj-text></mj-column></mj-section></mj-body></mjml>';

/** Mail: the tenant's sender, its own version of a mail, and a test mail in its send log (queued, never sent here). */
const mailSetup = async ({ side, call }: { side: Side; call: World['call'] }) => {
  const senderAddress = `mail@${side.tenant.slug}.example.com`;
  const settings = await call('PUT', '/api/v1/notifications/mail/settings', side.admin, {
    senderName: side.tenant.slug,
    senderAddress,
    shopUrl: null,
    staffAddresses: [],
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const subject = `Freigegeben bei ${side.tenant.slug}`;
  const saved = await call('PUT', MAIL_PATH, side.admin, { subject, mjml: MJML });
  expect(saved.statusCode, saved.body).toBe(200);
  const test = await call('POST', `${MAIL_PATH}/test`, side.admin, { to: `test@${side.tenant.slug}.example.com` });
  expect(test.statusCode, test.body).toBe(202);
  return { senderAddress, subject };
};

export const notificationsArea: Area<NotificationObjects> = defineArea<NotificationObjects>({
  name: 'notifications',
  async setup({ side, call }) {
    const mail = await mailSetup({ side, call });
    const url = `https://hooks.${side.tenant.slug}.example.com/rustok`;
    const res = await call('POST', '/api/v1/notifications/webhooks', side.admin, { url, eventTypes: EVENT_TYPES });
    expect(res.statusCode, res.body).toBe(201);
    const { id: endpointId, secret } = res.json<{ id: string; secret: string }>();
    const test = await call('POST', `/api/v1/notifications/webhooks/${endpointId}/test`, side.admin);
    expect(test.statusCode, test.body).toBe(202);
    return { ...mail, endpointId, url, secret, deliveryId: test.json<{ id: string }>().id };
  },
  secretsOf: (o) => [o.endpointId, o.url, o.secret, o.deliveryId, o.senderAddress, o.subject],
  tablesWithData: [
    'notifications_webhook_endpoints',
    'notifications_webhook_deliveries',
    'notifications_mail_settings',
    'notifications_mail_templates',
    'notifications_mails',
  ],
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
    'GET /api/v1/notifications/mail/settings': {
      kind: 'tenant',
      after: async (w, res) => expect(res.json()).toMatchObject({ senderAddress: notifications(w.a).senderAddress }),
    },
    'PUT /api/v1/notifications/mail/settings': {
      kind: 'tenant',
      body: (w) => ({ senderName: 'A', senderAddress: notifications(w.a).senderAddress, shopUrl: null, staffAddresses: [] }),
    },
    'GET /api/v1/notifications/mail/log': {
      kind: 'tenant',
      after: async (w, res) => expect(res.body).toContain(`test@${w.a.tenant.slug}.example.com`),
    },
    'GET /api/v1/notifications/mail/templates': { kind: 'tenant' },
    'GET /api/v1/notifications/mail/templates/{key}/{locale}': {
      kind: 'tenant',
      paramsOfB: MAIL,
      status: 200,
      after: async (w, res) => expect(res.json()).toMatchObject({ source: 'tenant', subject: notifications(w.a).subject }),
    },
    'PUT /api/v1/notifications/mail/templates/{key}/{locale}': {
      kind: 'tenant',
      paramsOfB: MAIL,
      status: 200,
      body: (w) => ({ subject: notifications(w.a).subject, mjml: MJML }),
    },
    'DELETE /api/v1/notifications/mail/templates/{key}/{locale}': {
      kind: 'tenant',
      paramsOfB: { key: () => 'order.shipped', locale: () => 'de' },
      code: 'NOTIFICATIONS_TEMPLATE_NOT_FOUND',
    },
    'POST /api/v1/notifications/mail/templates/{key}/{locale}/preview': {
      kind: 'tenant',
      paramsOfB: MAIL,
      status: 200,
      body: () => ({}),
      after: async (w, res) => expect(res.json()).toMatchObject({ subject: notifications(w.a).subject }),
    },
    'POST /api/v1/notifications/mail/templates/{key}/{locale}/test': {
      kind: 'tenant',
      paramsOfB: MAIL,
      status: 202,
      body: (w) => ({ to: `test@${w.a.tenant.slug}.example.com` }),
    },
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
    'Query.mailSettings': ownOnly('{ mailSettings { senderAddress } }', (w) => notifications(w.a).senderAddress),
    'Query.mailTemplates': ownOnly('{ mailTemplates { key ownLocales } }', () => 'comment.approved'),
    'Query.mailTemplate': ownOnly(
      '{ mailTemplate(key: "comment.approved", locale: "de") { source subject } }',
      (w) => notifications(w.a).subject,
    ),
    'Query.mailPreview': ownOnly('{ mailPreview(key: "comment.approved", locale: "de") { subject } }', (w) => notifications(w.a).subject),
    'Query.mailLog': ownOnly('{ mailLog(first: 50) { items { recipient } } }', (w) => `test@${w.a.tenant.slug}.example.com`),
    'Mutation.updateMailSettings': ownOnly(
      'mutation ($a: String!) { updateMailSettings(input: { senderAddress: $a, staffAddresses: [] }) { senderAddress } }',
      (w) => notifications(w.a).senderAddress,
      (w) => ({ a: notifications(w.a).senderAddress }),
    ),
    'Mutation.saveMailTemplate': ownOnly(
      'mutation ($s: String!, $m: String!) { saveMailTemplate(key: "comment.approved", locale: "de", input: { subject: $s, mjml: $m }) { subject } }',
      (w) => notifications(w.a).subject,
      (w) => ({ s: notifications(w.a).subject, m: MJML }),
    ),
    'Mutation.deleteMailTemplate': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation { deleteMailTemplate(key: "order.shipped", locale: "de") }');
      expect(errorCodes(reply), reply.text).toEqual(['NOTIFICATIONS_TEMPLATE_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.sendTestMail': ownOnly(
      'mutation ($to: String!) { sendTestMail(key: "comment.approved", locale: "de", to: $to) }',
      () => '',
      (w) => ({ to: `test@${w.a.tenant.slug}.example.com` }),
    ),
  },
});
