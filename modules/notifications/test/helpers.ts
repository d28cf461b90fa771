import { commerceModule } from '@rustok/commerce';
import type { TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, ok, type TestBackend, type TestPlatform } from '@rustok/testing';
import notificationsModule from '../src/index.js';
import type { WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointWithSecret } from '../src/schemas.js';

export type Headers = Record<string, string>;

/** Webhook settings of the test deployment: loopback allowed, retries compressed to milliseconds. */
export const TEST_WEBHOOKS = {
  allow_networks: ['127.0.0.1/32'],
  retry_delays_ms: [60, 120, 180],
  poll_ms: 20,
  timeout_ms: 2_000,
  max_consecutive_failures: 6,
};

export interface WebhookWorld {
  readonly p: TestPlatform;
  readonly tenant: TenantRef;
  readonly admin: Headers;
  readonly call: ReturnType<typeof caller>;
}

export const webhookWorld = async (backend: TestBackend, webhooks: Record<string, unknown> = TEST_WEBHOOKS): Promise<WebhookWorld> => {
  const p = await createTestPlatform({
    backend,
    modules: [commerceModule, notificationsModule],
    config: { settings: { rustok: { notifications: { webhooks } } } },
  });
  const tenant = await p.createTenant(`hooks-${Date.now().toString(36)}`);
  const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  return { p, tenant, admin, call: caller(p) };
};

export const createEndpoint = (w: WebhookWorld, body: Record<string, unknown>): Promise<WebhookEndpointWithSecret> =>
  ok<WebhookEndpointWithSecret>(w.call('POST', '/notifications/webhooks', w.admin, body), 201);

export const endpointOf = (w: WebhookWorld, id: string): Promise<WebhookEndpoint> =>
  ok<WebhookEndpoint>(w.call('GET', `/notifications/webhooks/${id}`, w.admin));

export const deliveriesOf = async (w: WebhookWorld, endpointId: string): Promise<WebhookDelivery[]> =>
  (await ok<{ items: WebhookDelivery[] }>(w.call('GET', `/notifications/webhooks/${endpointId}/deliveries?limit=100`, w.admin))).items;

export const deliveryOf = (w: WebhookWorld, id: string): Promise<WebhookDeliveryDetail> =>
  ok<WebhookDeliveryDetail>(w.call('GET', `/notifications/webhook-deliveries/${id}`, w.admin));

/** A published product of the tenant, through the catalog's API. */
export const createProduct = async (w: WebhookWorld, title: string): Promise<string> => {
  const body = {
    title,
    status: 'published',
    variants: [{ title: 'Default', sku: `SKU-${title.replace(/\W/g, '')}`, prices: [{ currencyCode: 'USD', amount: 1000 }] }],
  };
  return (await ok<{ id: string }>(w.call('POST', '/commerce/products', w.admin, body), 201)).id;
};

export { until } from '@rustok/testing';
