import { type SmtpSink, startReceiver, startSmtpSink } from '@rustok/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';
import { signedInWithModule } from './module-session.js';

// E-mail and the notification centre in the admin app (Chromium, the real server, a real SMTP server
// and a webhook receiver on loopback): a template edited with its live preview, a broken one shown
// where it breaks, saved and sent as a test that arrives with the new subject, the send log, the
// settings; a notice made by the platform counted live in the header's bell, listed and marked read.
describeInEmbeddedBrowser('admin app: e-mail and notifications', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let operator: Record<string, string>;
  let sink: SmtpSink;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // A receiver that is gone: its endpoint is turned off at the first delivery, which tells the tenant's admins.
    receiver = await startReceiver((_request, res) => {
      res.writeHead(410, { 'content-type': 'text/plain' });
      res.end('gone');
    });
    h = await startAdminHarness(backend, {
      overrides: {
        settings: {
          rustok: {
            notifications: {
              webhooks: { allow_networks: ['127.0.0.1/32'], poll_ms: 50 },
              mail: { smtp: { host: '127.0.0.1', port: sink.port }, poll_ms: 50, retry_delays_ms: [200, 200] },
            },
          },
        },
      },
    });
    ({ api, operator, page } = await signedInWithModule(h, 'notifications'));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await sink?.close();
    await receiver?.close();
  });

  const subject = () => page.getByTestId('preview-subject');
  const problem = () => page.getByTestId('render-problem');
  const body = () => page.getByLabel('Body (MJML with Liquid)');

  it('edits a template: the live preview follows, broken Liquid and MJML are shown where they break', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'E-mail', exact: true }).click();
    await page.getByRole('heading', { name: 'E-mail', exact: true }).waitFor();
    const row = page
      .getByTestId('mail-templates')
      .getByRole('row')
      .filter({ hasText: 'order.shipped' })
      .filter({ has: page.getByRole('cell', { name: 'en', exact: true }) });
    expect(await row.getByTestId('template-source').textContent()).toBe('Shipped');
    expect(await h.violations(page)).toEqual([]);
    await row.getByRole('link', { name: 'Order shipped' }).click();
    await page.getByRole('heading', { name: 'Order shipped (en)' }).waitFor();
    await subject().filter({ hasText: 'Your order 1042 is on its way' }).waitFor();

    await page.getByLabel('Subject', { exact: true }).fill('Shipped today: {{ order.number }}');
    const mjml = (await body().inputValue()).replace(
      '<mj-text>Hello {{ customer.name }},</mj-text>',
      '<mj-text>Packed with care for {{ customer.name }}.</mj-text>',
    );
    await body().fill(mjml);
    await subject()
      .filter({ hasText: /^Shipped today: 1042$/ })
      .waitFor();
    await page.frameLocator('[data-testid="preview-html"]').getByText('Packed with care for Alex Example.').waitFor();
    expect(await page.getByTestId('preview-text').textContent()).toContain('Packed with care for Alex Example.');
    expect(await page.getByTestId('preview-html').getAttribute('sandbox')).toBe('');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-mail-preview');

    await page.getByLabel('Subject', { exact: true }).fill('Shipped today: {{ order.number ');
    await problem()
      .filter({ hasText: /^Subject, line 1, column \d+: / })
      .waitFor();
    expect(await page.getByLabel('Subject', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Subject', { exact: true }).fill('Shipped today: {{ order.number }}');
    await body().fill(mjml.replace('<mj-text>Packed', '{% if order.number %}<mj-text>Packed'));
    await problem()
      .filter({ hasText: /^Body, line \d+, column \d+: / })
      .waitFor();
    await body().fill(mjml.replace('<mj-text>Packed', '<mj-bogus>x</mj-bogus><mj-text>Packed'));
    await problem()
      .filter({ hasText: /^Body, line \d+/ })
      .filter({ hasText: /mj-bogus/ })
      .waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-mail-render-error');
    // Saving the broken draft is refused by the server with the same place.
    await page.getByRole('button', { name: 'Save template' }).click();
    await problem()
      .filter({ hasText: /mj-bogus/ })
      .waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(0);
    await body().fill(mjml);
    await subject()
      .filter({ hasText: /^Shipped today: 1042$/ })
      .waitFor();
    expect(await problem().count()).toBe(0);
  });

  it('saves it and sends a test that arrives with the new subject, listed in the send log', async () => {
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByTestId('template-source').filter({ hasText: 'Your own' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved: the next mail uses it.' }).waitFor();
    const saved = api.expectStatus(
      'template',
      await api.call('GET', '/notifications/mail/templates/order.shipped/en', undefined, operator),
      200,
    );
    expect(saved.body).toMatchObject({ source: 'tenant', subject: 'Shipped today: {{ order.number }}' });

    await page.getByLabel('To', { exact: true }).fill('tester@example.com');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('status').filter({ hasText: 'A test mail to tester@example.com is on its way' }).waitFor();
    const started = Date.now();
    while (!sink.received.some((m) => m.to.includes('tester@example.com')) && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 100));
    const got = sink.received.find((m) => m.to.includes('tester@example.com'));
    expect(got?.mail.subject).toBe('Shipped today: 1042');
    expect(got?.mail.text).toContain('Packed with care for Alex Example.');

    await page.getByRole('link', { name: 'Send log' }).click();
    await page.getByRole('heading', { name: 'Send log' }).waitFor();
    const logged = page.getByTestId('mail-log').getByRole('row').filter({ hasText: 'tester@example.com' });
    await logged.getByTestId('mail-status').filter({ hasText: 'Sent' }).waitFor();
    expect(await logged.textContent()).toContain('Shipped today: 1042');
    expect(await h.violations(page)).toEqual([]);
  });

  it('reverts to the shipped template and saves the mail settings', async () => {
    await page.goBack();
    await page.getByRole('heading', { name: 'Order shipped (en)' }).waitFor();
    await page.getByRole('button', { name: 'Back to the shipped template' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete my version' }).click();
    await page.getByTestId('template-source').filter({ hasText: 'Shipped' }).waitFor();
    expect(await page.getByLabel('Subject', { exact: true }).inputValue()).toBe('Your order {{ order.number }} is on its way');

    await page.goto(`${h.server.address}/admin/mail/settings`);
    await page.getByRole('heading', { name: 'E-mail settings' }).waitFor();
    await page.getByLabel('Sender name').fill('Default Shop');
    await page.getByLabel('Sender address').fill('not an address');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The form's check of the input is waited for, not read at once after the click.
    await page.getByLabel('Sender address').and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Settings saved.' }).count()).toBe(0);
    await page.getByLabel('Sender address').fill('hello@shop.example');
    await page.getByLabel('Staff addresses').fill('orders@shop.example\nboss@shop.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    const settings = api.expectStatus('settings', await api.call('GET', '/notifications/mail/settings', undefined, operator), 200);
    expect(settings.body).toMatchObject({
      senderName: 'Default Shop',
      senderAddress: 'hello@shop.example',
      staffAddresses: ['orders@shop.example', 'boss@shop.example'],
    });
  });

  it('counts a new notice live in the bell; the list shows it unread and marks it read', async () => {
    const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
    await bell.waitFor();
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    const endpoint = { url: `${receiver.base}/hooks`, eventTypes: ['commerce.product.*'] };
    api.expectStatus('endpoint', await api.call('POST', '/notifications/webhooks', endpoint, operator), 201);
    const product = {
      title: 'Gone Chair',
      status: 'published',
      variants: [{ title: 'Default', sku: 'GONE-1', prices: [{ currencyCode: 'USD', amount: 1000 }] }],
    };
    api.expectStatus('product', await api.call('POST', '/commerce/products', product, operator), 201);
    // Live: well before the 30 s the count would take to be asked for again.
    await page.getByTestId('unread-count').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    expect(await bell.getAttribute('aria-label')).toBe('Notifications: 1 unread');

    await bell.click();
    await page.getByRole('heading', { name: 'Notifications', exact: true }).waitFor();
    const notice = page.getByTestId('notice').filter({ hasText: 'Webhook endpoint disabled' });
    expect(await notice.getAttribute('class')).toContain('unread');
    expect(await notice.textContent()).toContain(`${receiver.base}/hooks was turned off`);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-notifications');
    await notice.getByRole('button', { name: /^Mark read/ }).click();
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    expect(await notice.getAttribute('class')).not.toContain('unread');
    const count = api.expectStatus('unread', await api.call('GET', '/notifications/inbox/unread-count', undefined, operator), 200);
    expect(count.body).toEqual({ count: 0 });
    // Its link opens the endpoint in the admin.
    await notice.getByRole('link', { name: 'Webhook endpoint disabled' }).click();
    await page.getByRole('heading', { name: `${receiver.base}/hooks` }).waitFor();
  });

  it('sets who is told of what, and has no bell or E-mail while the module is off', async () => {
    await page.goto(`${h.server.address}/admin/notifications/settings`);
    await page.getByRole('heading', { name: 'Who is notified of what' }).waitFor();
    const kind = page.getByTestId('inbox-kind').filter({ hasText: 'A customer placed an order' });
    await kind.getByLabel('Notify').uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    const settings = api.expectStatus('inbox settings', await api.call('GET', '/notifications/inbox/settings', undefined, operator), 200);
    const kinds = settings.body.kinds as { kind: string; enabled: boolean }[];
    expect(kinds.find((k) => k.kind === 'orders.placed')?.enabled).toBe(false);

    api.expectStatus('notifications off', await api.call('PUT', '/modules/notifications', { enabled: false }, operator), 200);
    try {
      await page.goto(`${h.server.address}/admin/`);
      const menu = page.getByRole('navigation', { name: 'Main' });
      await menu.getByRole('link', { name: 'Products', exact: true }).waitFor();
      expect(await menu.getByRole('link', { name: 'E-mail', exact: true }).count()).toBe(0);
      expect(
        await page
          .getByRole('banner')
          .getByRole('link', { name: /^Notifications/ })
          .count(),
      ).toBe(0);
    } finally {
      api.expectStatus('notifications on', await api.call('PUT', '/modules/notifications', { enabled: true }, operator), 200);
    }
  });
});
