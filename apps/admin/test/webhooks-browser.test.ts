import { type Received, startReceiver } from '@rustok/testing';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';
import { signedInWithModule } from './module-session.js';

// Webhooks in the admin app (Chromium, the real server, a real receiver on loopback): an endpoint
// configured in the form (a refused address shown at its field first), its secret shown once; a
// product event delivered and seen in the log, opened and redelivered (a second attempt, the same
// webhook-id twice at the receiver); a test send after a secret rotation; the menu without the module.
describeInEmbeddedBrowser('admin app: webhooks', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let operator: Record<string, string>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret = '';

  beforeAll(async () => {
    receiver = await startReceiver((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    h = await startAdminHarness(backend, {
      // Loopback is refused unless allowlisted (development and tests only); a short poll keeps the test quick.
      overrides: { settings: { rustok: { notifications: { webhooks: { allow_networks: ['127.0.0.1/32'], poll_ms: 50 } } } } },
    });
    ({ api, operator, page } = await signedInWithModule(h, 'notifications'));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  const headersOf = (m: Received) => m.headers as Record<string, string>;
  const typeOf = (m: Received) => (JSON.parse(m.body) as { type: string }).type;
  const logRow = (type: string) => page.getByTestId('delivery-log').getByRole('row').filter({ hasText: type });

  it('configures an endpoint: a refused address shown at its field, then created with its secret shown once', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();
    expect(await page.getByText('No endpoints yet.').count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New endpoint' }).click();
    await page.getByRole('heading', { name: 'New endpoint' }).waitFor();
    await page.getByLabel('URL', { exact: true }).fill('http://10.1.2.3/hooks');
    await page.getByLabel('Description').fill('Stock sync');
    await page.getByLabel('commerce.product.*', { exact: true }).check();
    await page.getByRole('button', { name: 'Add header' }).click();
    const header = page.getByRole('group', { name: 'Header 1' });
    await header.getByLabel('Name').fill('X-Shop-Token');
    await header.getByLabel('Value').fill('shop-token-secret');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    const url = page.getByLabel('URL', { exact: true });
    await page.getByTestId('field-error').filter({ hasText: 'This address is not allowed' }).waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await h.violations(page)).toEqual([]);

    await url.fill(`${receiver.base}/hooks`);
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await page.getByRole('status').filter({ hasText: 'Endpoint created.' }).waitFor();
    secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(await page.getByText('you will not see it again').count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-webhook-secret');

    await page.getByRole('link', { name: 'Open the endpoint' }).click();
    await page.getByRole('heading', { name: `${receiver.base}/hooks` }).waitFor();
    expect(await page.getByTestId('endpoint-state').textContent()).toBe('Active');
    // The secret is not shown again.
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    const listed = api.expectStatus('endpoints', await api.call('GET', '/notifications/webhooks', undefined, operator), 200).body as {
      items: { url: string; eventTypes: string[]; headerNames: string[]; description: string }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({
        url: `${receiver.base}/hooks`,
        eventTypes: ['commerce.product.*'],
        headerNames: ['x-shop-token'],
        description: 'Stock sync',
      }),
    ]);
  });

  it('shows a product event in the delivery log as delivered, signed with the secret that was shown', async () => {
    const product = {
      title: 'Hooked Chair',
      status: 'published',
      variants: [{ title: 'Default', sku: 'HOOK-1', prices: [{ currencyCode: 'USD', amount: 1000 }] }],
    };
    const productId = String(api.expectStatus('product', await api.call('POST', '/commerce/products', product, operator), 201).body.id);
    const row = logRow('commerce.product.created');
    await row.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor();
    expect(await row.count()).toBe(1);
    const got = receiver.seen.filter((m) => typeOf(m) === 'commerce.product.created');
    expect(got).toHaveLength(1);
    const [message] = got as [Received];
    const verified = new Webhook(secret).verify(message.body, headersOf(message)) as { data: unknown };
    expect(JSON.stringify(verified.data)).toContain(productId);
    expect(message.headers['x-shop-token']).toBe('shop-token-secret');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-webhook-log');
  });

  it('opens the delivery and redelivers it: a second attempt, the same webhook-id twice at the receiver', async () => {
    await logRow('commerce.product.created').getByRole('link', { name: 'commerce.product.created' }).click();
    await page.getByRole('heading', { name: 'Delivery: commerce.product.created' }).waitFor();
    const messageId = (await page.getByTestId('message-id').textContent()) ?? '';
    expect(messageId).not.toBe('');
    const body = JSON.parse((await page.getByTestId('delivery-payload').textContent()) ?? '{}') as { type?: string };
    expect(body.type).toBe('commerce.product.created');
    expect(await page.getByTestId('delivery-attempts').textContent()).toBe('1');
    expect(await page.getByTestId('attempt-outcome').allTextContents()).toEqual(['delivered']);
    expect(await h.violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Redeliver' }).click();
    await page.getByTestId('delivery-attempts').filter({ hasText: /^2$/ }).waitFor();
    await page.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor();
    expect(await page.getByTestId('attempt-outcome').allTextContents()).toEqual(['delivered', 'delivered']);
    const ids = receiver.seen.filter((m) => typeOf(m) === 'commerce.product.created').map((m) => m.headers['webhook-id']);
    expect(ids).toEqual([messageId, messageId]);
    // The log shows the custom header's value masked (a value no id or signature can contain by chance).
    await page.getByText('Request headers').first().click();
    expect(await page.getByTestId('attempt-headers').first().textContent()).not.toContain('shop-token-secret');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-webhook-delivery');
  });

  it('rotates the secret (the new one shown once) and sends a test signed with both secrets meanwhile', async () => {
    await page.getByRole('link', { name: `Back to ${receiver.base}/hooks` }).click();
    await page.getByRole('heading', { name: `${receiver.base}/hooks` }).waitFor();
    await page.getByLabel('The old secret keeps signing for').selectOption({ label: '1 hour' });
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByTestId('webhook-secret');
    await shown.waitFor();
    const rotated = (await shown.textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByText(/The previous secret signs too until/).waitFor();

    await page.getByRole('button', { name: 'Send test' }).click();
    await logRow('notifications.webhook_endpoint.test').getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor();
    const test = receiver.seen.find((m) => typeOf(m) === 'notifications.webhook_endpoint.test');
    const headers = headersOf(test as Received);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(rotated).verify(test?.body ?? '', headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(test?.body ?? '', headers)).not.toThrow();
    expect(await h.violations(page)).toEqual([]);
  });

  it('takes Webhooks out of the menu while the module is off for the tenant', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByRole('link', { name: 'Webhooks', exact: true }).waitFor();
    api.expectStatus('notifications off', await api.call('PUT', '/modules/notifications', { enabled: false }, operator), 200);
    try {
      await page.goto(`${h.server.address}/admin/`);
      await menu.getByRole('link', { name: 'Products', exact: true }).waitFor();
      expect(await menu.getByRole('link', { name: 'Webhooks', exact: true }).count()).toBe(0);
    } finally {
      api.expectStatus('notifications on', await api.call('PUT', '/modules/notifications', { enabled: true }, operator), 200);
    }
  });
});
