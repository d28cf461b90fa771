import { describeEachBackend, expectProblem, graphqlClient, ok, outboxEvents } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EndpointList, WebhookEndpoint } from '../src/schemas.js';
import { createEndpoint, type Headers, type WebhookWorld, webhookWorld } from './helpers.js';

const BASE = '/notifications/webhooks';
const URL = 'https://hooks.example.com/rustok';

/** The endpoint API: validation, permissions, the secret's visibility, events, GraphQL. Nothing is sent here (no job runs). */
describeEachBackend('webhook endpoints over HTTP and GraphQL', (backend) => {
  let w: WebhookWorld;
  let editor: Headers;
  let customer: Headers;
  const { data, codes } = graphqlClient(() => w.p);

  beforeAll(async () => {
    w = await webhookWorld(backend, { deliver: false, max_endpoints: 4 });
    editor = (await w.p.userWithToken(w.tenant.id, ['editor'])).headers;
    customer = (await w.p.userWithToken(w.tenant.id, ['customer'])).headers;
  });
  afterAll(() => w?.p.close());

  it('creates an endpoint: the secret is in the answer only, header values never shown, the event published with it', async () => {
    const created = await createEndpoint(w, {
      url: URL,
      description: ' ERP ',
      eventTypes: ['commerce.order.*', 'commerce.product.updated', 'commerce.product.updated'],
      headers: { 'X-Api-Key': 'k-123' },
    });
    expect(created).toMatchObject({
      url: URL,
      description: 'ERP',
      eventTypes: ['commerce.order.*', 'commerce.product.updated'],
      headerNames: ['x-api-key'],
      active: true,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const read = await w.call('GET', `${BASE}/${created.id}`, w.admin);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(created.secret);
    expect(read.body).not.toContain('k-123');
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'notifications.webhook_endpoint.created'");
    expect(events.map((e) => e.payload)).toContainEqual({ endpointId: created.id, url: URL, active: true });
  });

  it('refuses unknown event types, headers the platform sets, bad URLs and input, each with its code', async () => {
    expectProblem(
      await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['commerce.prodcut.updated'] }),
      422,
      'NOTIFICATIONS_EVENT_TYPE_UNKNOWN',
    );
    expectProblem(await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['nothing.*'] }), 422, 'NOTIFICATIONS_EVENT_TYPE_UNKNOWN');
    expectProblem(
      await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['*'], headers: { 'Webhook-Signature': 'forged' } }),
      422,
      'NOTIFICATIONS_HEADER_REFUSED',
    );
    expectProblem(
      await w.call('POST', BASE, w.admin, { url: 'https://user:pw@example.com/x', eventTypes: ['*'] }),
      422,
      'NOTIFICATIONS_URL_REFUSED',
    );
    expectProblem(await w.call('POST', BASE, w.admin, { url: URL, eventTypes: [] }), 422, 'VALIDATION_FAILED');
    expectProblem(await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['Bad Type'] }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['*'], headers: { 'X-A': 'line\r\nbreak' } }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('lets readers read and only managers manage', async () => {
    const list = await ok<EndpointList>(w.call('GET', BASE, editor));
    expect(list.items.length).toBeGreaterThan(0);
    expectProblem(await w.call('POST', BASE, editor, { url: URL, eventTypes: ['*'] }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await w.call('GET', BASE, customer), 403, 'AUTH_FORBIDDEN');
    expectProblem(await w.call('GET', BASE, {}), 401);
  });

  it('changes, turns off and deletes an endpoint; the unknown one is not found', async () => {
    const created = await createEndpoint(w, { url: URL, eventTypes: ['*'] });
    const changed = await ok<WebhookEndpoint>(
      w.call('PATCH', `${BASE}/${created.id}`, w.admin, { eventTypes: ['commerce.order.*'], active: false, description: '' }),
    );
    expect(changed).toMatchObject({ eventTypes: ['commerce.order.*'], active: false, description: null });
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'notifications.webhook_endpoint.updated'");
    expect(events.map((e) => e.payload)).toContainEqual({ endpointId: created.id, url: URL, active: false });
    expect((await w.call('DELETE', `${BASE}/${created.id}`, w.admin)).statusCode).toBe(204);
    expectProblem(await w.call('GET', `${BASE}/${created.id}`, w.admin), 404, 'NOTIFICATIONS_ENDPOINT_NOT_FOUND');
    expectProblem(await w.call('POST', `${BASE}/${created.id}/test`, w.admin), 404, 'NOTIFICATIONS_ENDPOINT_NOT_FOUND');
    expectProblem(await w.call('GET', `/notifications/webhook-deliveries/${created.id}`, w.admin), 404, 'NOTIFICATIONS_DELIVERY_NOT_FOUND');
  });

  it('keeps to the per-tenant endpoint limit', async () => {
    const { items } = await ok<EndpointList>(w.call('GET', BASE, w.admin));
    for (let i = items.length; i < 4; i++) await createEndpoint(w, { url: `${URL}/${i}`, eventTypes: ['*'] });
    expectProblem(await w.call('POST', BASE, w.admin, { url: URL, eventTypes: ['*'] }), 409, 'NOTIFICATIONS_TOO_MANY_ENDPOINTS');
  });

  it("keeps to a tenant's own lower endpoint limit, never above the deployment's", async () => {
    const tenant = await w.p.createTenant(`hooks-own-${Date.now().toString(36)}`);
    const admin = (await w.p.userWithToken(tenant.id, ['admin'])).headers;
    const settings = (webhooks: Record<string, number>) =>
      w.call('PUT', '/modules/notifications', admin, { enabled: true, settings: { webhooks } });
    expectProblem(await settings({ maxEndpoints: 0 }), 422, 'MODULE_SETTINGS_INVALID');
    expect((await settings({ maxEndpoints: 2 })).statusCode).toBe(200);
    const own = { ...w, tenant, admin };
    for (let i = 0; i < 2; i++) await createEndpoint(own, { url: `${URL}/own-${i}`, eventTypes: ['*'] });
    const refused = await w.call('POST', BASE, admin, { url: URL, eventTypes: ['*'] });
    expectProblem(refused, 409, 'NOTIFICATIONS_TOO_MANY_ENDPOINTS');
    expect(refused.json<{ detail: string }>().detail).toContain('at most 2');
    expect((await settings({ maxEndpoints: 500 })).statusCode).toBe(200);
    await createEndpoint(own, { url: `${URL}/own-2`, eventTypes: ['*'] });
    await createEndpoint(own, { url: `${URL}/own-3`, eventTypes: ['*'] });
    expectProblem(await w.call('POST', BASE, admin, { url: URL, eventTypes: ['*'] }), 409, 'NOTIFICATIONS_TOO_MANY_ENDPOINTS');
  });

  it('answers the same over GraphQL', async () => {
    const page = await data<{ items: WebhookEndpoint[] }>(
      'webhookEndpoints',
      w.admin,
      '{ webhookEndpoints(first: 10) { items { id url eventTypes secret } } }',
    );
    expect(page.items.length).toBe(4);
    expect(page.items.every((e) => (e as unknown as { secret: null }).secret === null)).toBe(true);
    const id = page.items[0]?.id ?? '';
    const rotated = await data<{ secret: string; previousSecretUntil: string }>(
      'rotateWebhookSecret',
      w.admin,
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id, keepPreviousForSeconds: 60) { secret previousSecretUntil } }',
      { id },
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(Date.parse(rotated.previousSecretUntil)).toBeGreaterThan(Date.now());
    const test = await data<{ status: string; eventType: string }>(
      'testWebhookEndpoint',
      w.admin,
      'mutation ($id: ID!) { testWebhookEndpoint(id: $id) { status eventType } }',
      { id },
    );
    expect(test).toEqual({ status: 'pending', eventType: 'notifications.webhook_endpoint.test' });
    const deliveries = await data<{ items: { id: string; eventType: string }[] }>(
      'webhookDeliveries',
      w.admin,
      'query ($id: ID!) { webhookDeliveries(endpointId: $id) { items { id eventType } } }',
      { id },
    );
    const tests = deliveries.items.filter((d) => d.eventType === 'notifications.webhook_endpoint.test');
    expect(tests).toHaveLength(1);
    const detail = await data<{ payload: string; attemptLog: unknown[] }>(
      'webhookDelivery',
      editor,
      'query ($id: ID!) { webhookDelivery(id: $id) { payload attemptLog { outcome } } }',
      { id: tests[0]?.id },
    );
    expect(JSON.parse(detail.payload)).toMatchObject({ type: 'notifications.webhook_endpoint.test', data: { endpointId: id } });
    expect(await codes(editor, 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id })).toEqual(['AUTH_FORBIDDEN']);
    expect(
      await codes(w.admin, 'mutation { createWebhookEndpoint(input: { url: "https://x.example.com/h", eventTypes: ["nope.*"] }) { id } }'),
    ).toEqual(['NOTIFICATIONS_EVENT_TYPE_UNKNOWN']);
  });

  it('answers 404 for a tenant that disabled the module', async () => {
    await ok(w.call('PUT', '/modules/notifications', w.admin, { enabled: false }));
    expectProblem(await w.call('GET', BASE, w.admin), 404);
    await ok(w.call('PUT', '/modules/notifications', w.admin, { enabled: true }));
    expect((await ok<EndpointList>(w.call('GET', BASE, w.admin))).items.length).toBe(4);
  });
});
