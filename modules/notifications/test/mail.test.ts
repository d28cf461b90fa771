import { commerceModule } from '@rustok/commerce';
import type { TenantRef } from '@rustok/kernel';
import {
  caller,
  createTestPlatform,
  describeEachBackend,
  expectProblem,
  ok,
  type SmtpSink,
  startSmtpSink,
  type TestPlatform,
} from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import notificationsModule from '../src/index.js';
import type { MailLog } from '../src/schemas-mail.js';
import { type Headers, until } from './helpers.js';

const PASSWORD = 'correct horse battery';
const SHOP_URL = 'https://shop.example.com';

/** E-mail end to end: auth's messages become queued mails, the mail job sends them to a real SMTP server on loopback. */
describeEachBackend('e-mail through a real SMTP server', (backend) => {
  let p: TestPlatform;
  let sink: SmtpSink;
  let tenant: TenantRef;
  let admin: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const auth = (path: string, payload: Record<string, unknown>) => call('POST', `/auth/${path}`, { 'x-tenant-id': tenant.slug }, payload);
  /** The newest mail to an address with a subject matching, once it arrived. */
  const mailTo = (address: string, subject: RegExp) =>
    until(async () => sink.received.findLast((m) => m.to.includes(address) && subject.test(m.mail.subject ?? '')), `a mail to ${address}`);
  const tokenIn = (text: string | undefined, path: string): string => {
    const match = new RegExp(`${SHOP_URL}${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text ?? '');
    if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
    return decodeURIComponent(match[1]);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    p = await createTestPlatform({
      backend,
      modules: [commerceModule, notificationsModule],
      config: {
        settings: {
          rustok: {
            features: { email_verification: true },
            notifications: {
              mail: { smtp: { host: '127.0.0.1', port: sink.port }, poll_ms: 20, retry_delays_ms: [50, 50], shop_url: SHOP_URL },
            },
          },
        },
      },
    });
    tenant = await p.createTenant('mail-shop', 'Mail Shop');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    await ok(
      call('PUT', '/notifications/mail/settings', admin, {
        senderName: 'Mail Shop',
        senderAddress: 'hello@mail-shop.example',
        shopUrl: null,
        staffAddresses: ['orders@mail-shop.example'],
      }),
    );
  });
  let stopped = false;
  afterAll(async () => {
    if (!stopped) await p?.close();
    await sink?.close();
  });

  it('registration sends a verification mail whose link verifies the address', async () => {
    const email = 'vera@example.com';
    expect((await auth('register', { email, password: PASSWORD, name: 'Vera' })).statusCode).toBe(201);
    const got = await mailTo(email, /Confirm your e-mail address/);
    expect(got.mail.subject).toBe('Confirm your e-mail address for Mail Shop');
    expect(got.mail.from?.value).toEqual([{ name: 'Mail Shop', address: 'hello@mail-shop.example' }]);
    expect(got.mail.text).toContain(`${SHOP_URL}/account/verify-email?token=`);
    const token = tokenIn(got.mail.html || undefined, '/account/verify-email');
    expect(tokenIn(got.mail.text, '/account/verify-email')).toBe(token);
    const verified = await auth('verify-email', { token });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ email, emailVerified: true });
    expect((await auth('login', { email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('password reset end to end: the mail, the link, the new password', async () => {
    const email = 'rita@example.com';
    await auth('register', { email, password: PASSWORD });
    const verify = await mailTo(email, /Confirm/);
    await auth('verify-email', { token: tokenIn(verify.mail.text, '/account/verify-email') });
    expect((await auth('password-reset', { email })).statusCode).toBe(202);
    const got = await mailTo(email, /password/i);
    const token = tokenIn(got.mail.text, '/account/reset-password');
    const confirmed = await auth('password-reset/confirm', { token, newPassword: 'a brand new secret' });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect((await auth('login', { email, password: 'a brand new secret' })).statusCode).toBe(200);
    expectProblem(await auth('login', { email, password: PASSWORD }), 401);
  });

  it("uses the tenant's edited template for the next mail, and refuses a template that does not render", async () => {
    const path = '/notifications/mail/templates/account.password_reset/en';
    const shipped = await ok<{ source: string; mjml: string }>(call('GET', path, admin));
    expect(shipped.source).toBe('shipped');
    const broken = await call('PUT', path, admin, { subject: 'Reset {{ shop.name ', mjml: shipped.mjml });
    expectProblem(broken, 422, 'NOTIFICATIONS_TEMPLATE_INVALID');
    expect(broken.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
      { path: '/subject', message: expect.stringMatching(/line 1/) },
    ]);
    const edited = await ok<{ source: string }>(
      call('PUT', path, admin, { subject: 'New password for {{ shop.name }}, {{ user.name }}', mjml: shipped.mjml }),
    );
    expect(edited.source).toBe('tenant');
    const preview = await ok<{ subject: string; html: string }>(call('POST', `${path}/preview`, admin, {}));
    expect(preview.subject).toBe('New password for Acme Outfitters, Alex Example');
    await auth('password-reset', { email: 'rita@example.com' });
    const got = await mailTo('rita@example.com', /^New password for Mail Shop/);
    expect(got.mail.subject).toBe('New password for Mail Shop, rita');
    expect((await call('DELETE', path, admin)).statusCode).toBe(204);
  });

  it('keeps a send log: sent mails without their one-time links, bounces, retries of temporary failures', async () => {
    sink.rejectRecipient('bounce@example.com', 550, 'No such user');
    sink.rejectRecipient('busy@example.com', 450, 'Try later');
    await ok(call('POST', '/notifications/mail/templates/comment.approved/de/test', admin, { to: 'bounce@example.com' }), 202);
    await ok(call('POST', '/notifications/mail/templates/comment.approved/de/test', admin, { to: 'busy@example.com' }), 202);
    const log = await until(async () => {
      const page = await ok<MailLog>(call('GET', '/notifications/mail/log?limit=100', admin));
      const busy = page.items.find((m) => m.recipient === 'busy@example.com');
      return page.items.some((m) => m.recipient === 'bounce@example.com' && m.status === 'bounced') && busy?.status === 'failed' && page;
    }, 'the bounce and the given-up retries');
    const bounce = log.items.find((m) => m.recipient === 'bounce@example.com');
    expect(bounce).toMatchObject({ status: 'bounced', attempts: 1, lastError: expect.stringContaining('550') });
    expect(log.items.find((m) => m.recipient === 'busy@example.com')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: expect.stringContaining('450'),
    });
    expect(log.items.filter((m) => m.template === 'account.verify_email').every((m) => m.status === 'sent')).toBe(true);
    const { rows } = await p.database.db.transaction(
      (tx) =>
        tx.query<{ n: number }>("SELECT count(*)::int AS n FROM notifications_mails WHERE status <> 'pending' AND variables IS NOT NULL"),
      {
        tenantId: tenant.id,
      },
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("sends the order confirmation in the customer's locale with the order's totals, and tells the staff", async () => {
    const product = await ok<{ variants: { id: string }[] }>(
      call('POST', '/commerce/products', admin, {
        title: 'Wanderschuh',
        status: 'published',
        variants: [{ title: 'Default', sku: 'MAIL-SHOE', prices: [{ currencyCode: 'EUR', amount: 12_999 }], inventory: 10 }],
      }),
      201,
    );
    const shopper = { 'x-tenant-id': tenant.id };
    const { cart, cartToken } = await ok<{ cart: { id: string }; cartToken: string }>(
      call('POST', '/store/carts', shopper, { currencyCode: 'EUR' }),
      201,
    );
    const withCart = { ...shopper, 'x-cart-token': cartToken };
    await ok(call('POST', `/store/carts/${cart.id}/items`, withCart, { variantId: product.variants[0]?.id, quantity: 2 }));
    const address = { name: 'Greta Käufer', line1: 'Hauptstraße 1', city: 'Wien', postalCode: '1010', countryCode: 'AT' };
    const placed = await ok<{ order: { displayId: number; total: number } }>(
      call('POST', `/store/carts/${cart.id}/checkout`, withCart, { email: 'greta@example.com', shippingAddress: address, locale: 'de-AT' }),
      201,
    );
    expect(placed.order.total).toBe(25_998);
    const got = await mailTo('greta@example.com', /Bestellung/);
    expect(got.mail.subject).toBe(`Ihre Bestellung ${placed.order.displayId} bei Mail Shop`);
    const euros = new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'EUR' });
    expect(got.mail.text).toContain('Greta Käufer');
    expect(got.mail.text).toContain(euros.format(129.99));
    expect(got.mail.text).toContain(euros.format(259.98));
    expect(got.mail.html).toContain('Wanderschuh');
    const staff = await mailTo('orders@mail-shop.example', new RegExp(String(placed.order.displayId))).catch(async (error: unknown) => {
      const log = await ok<MailLog>(call('GET', '/notifications/mail/log?limit=5', admin));
      throw new Error(`${String(error)}: ${JSON.stringify(log.items)}`);
    });
    expect(staff.mail.text).toContain('greta@example.com');
  });

  it('ends its SMTP connections when the platform stops (the pool closes them; the server is not left to time them out)', async () => {
    expect(sink.open()).toBeGreaterThan(0); // the pool keeps a connection between mails
    stopped = true;
    await p.close();
    await until(async () => sink.open() === 0, 'the SMTP connections to end', 5_000);
  });
});
