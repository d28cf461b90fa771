import { type SmtpSink, startSmtpSink } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { shopper } from './shop-client.js';

/** Until `check` gives a value (polling), or fails after `timeoutMs`. */
const until = async <T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The account mails' links, opened on the storefront: the server sends its mail to a real SMTP server on loopback. */
describe('the pages the account mails link to', () => {
  let shop: ShopHarness;
  let sink: SmtpSink;
  /** The link in the newest mail to `address` whose subject matches, as a path of the storefront. */
  const linkIn = async (address: string, subject: RegExp, path: string): Promise<string> => {
    const got = await until(
      () => sink.received.findLast((m) => m.to.includes(address) && subject.test(m.mail.subject ?? '')),
      `a mail to ${address}`,
    );
    const link = new RegExp(`${shop.server.address}(${path}\\?token=[A-Za-z0-9_%-]+)`).exec(got.mail.text ?? '')?.[1];
    if (!link) throw new Error(`no ${path} link in ${got.mail.text}`);
    return link;
  };
  const login = (email: string, password: string) => shop.api<{ accessToken?: string }>('POST', '/auth/login', { email, password }, {});

  beforeAll(async () => {
    sink = await startSmtpSink();
    const mail = { smtp: { host: '127.0.0.1', port: sink.port }, poll_ms: 20 };
    // Every call here that takes a password or a token counts against one login budget per client address: room for this file's.
    const rustok = { features: { email_verification: true }, rate_limit: { login_attempts_per_minute: 100 }, notifications: { mail } };
    shop = await startShop({ overrides: { settings: { rustok } } });
    const settings = { senderName: 'Demo Shop', senderAddress: 'shop@example.com', shopUrl: shop.server.address, staffAddresses: [] };
    expect((await shop.api('PUT', '/notifications/mail/settings', settings)).status).toBe(200);
  });
  afterAll(async () => {
    await shop?.close();
    await sink?.close();
  });

  it('registration → the mail → its link confirms the address with a button (the GET alone spends nothing)', async () => {
    const s = shopper(shop);
    const registered = await s.post('/account/register', { name: 'Ada', email: 'ada@example.com', password: 'analytical-engine-1843' });
    expect(registered.status).toBe(200);
    expect(await registered.text()).toContain('Please confirm your e-mail address');
    const link = await linkIn('ada@example.com', /Confirm your e-mail address/, '/account/verify-email');
    const opened = await s.get(link);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('private, no-store');
    const page = await opened.text();
    expect(page).toContain('action="/account/verify-email"');
    expect((await login('ada@example.com', 'analytical-engine-1843')).status).not.toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const confirmed = await s.post('/account/verify-email', { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/account/verify-email?done=1');
    expect(await (await s.follow(confirmed)).text()).toContain('your e-mail address is confirmed');
    const session = await login('ada@example.com', 'analytical-engine-1843');
    expect(session.status).toBe(200);
    const me = await shop.api<{ emailVerified: boolean }>('GET', '/auth/me', undefined, {
      authorization: `Bearer ${session.body.accessToken}`,
    });
    expect(me.body.emailVerified).toBe(true);
    // The same link again: used up, said plainly, with the way to get a new one.
    const again = await s.post('/account/verify-email', { token });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('This confirmation link is invalid, has been used already or has expired.');
    expect(html).toContain('action="/account/verify-email/resend"');
  });

  it('forgot password → the mail → its link → a new password; signing in takes the new one, not the old', async () => {
    const s = shopper(shop);
    await s.post('/account/register', { email: 'grace@example.com', password: 'first-compiler-1952' });
    await s.post('/account/verify-email', {
      token: new URLSearchParams((await linkIn('grace@example.com', /Confirm/, '/account/verify-email')).split('?')[1]).get('token') ?? '',
    });
    const signIn = await (await s.get('/account')).text();
    expect(signIn).toContain('href="/account/forgot-password"');
    const asked = await s.post('/account/forgot-password', { email: 'grace@example.com' });
    expect(asked.status).toBe(303);
    const nobody = await s.post('/account/forgot-password', { email: 'nobody@example.com' });
    expect(nobody.headers.get('location')).toBe(asked.headers.get('location'));
    expect(await (await s.follow(asked)).text()).toContain('If an account exists for this address');
    const link = await linkIn('grace@example.com', /password/i, '/account/reset-password');
    const form = await (await s.get(link)).text();
    expect(form).toContain('action="/account/reset-password"');
    const token = /name="token" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const weak = await s.post('/account/reset-password', { token, password: 'x' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('aria-describedby="f-password-error"');
    const reset = await s.post('/account/reset-password', { token, password: 'a-new-secret-for-grace' });
    expect(reset.status).toBe(303);
    expect(reset.headers.get('location')).toBe('/account?reset=1');
    expect(await (await s.follow(reset)).text()).toContain('Your password has been changed. Please sign in with the new one.');
    expect((await login('grace@example.com', 'a-new-secret-for-grace')).status).toBe(200);
    expect((await login('grace@example.com', 'first-compiler-1952')).status).toBe(401);
  });

  it('shows a clear page, not an error, for a link whose token is invalid (in the page’s language)', async () => {
    const s = shopper(shop);
    const reset = await s.post('/ru/account/reset-password', { token: 'not-a-token', password: 'whatever-password-1' });
    expect(reset.status).toBe(400);
    const html = await reset.text();
    expect(html).toContain('Эта ссылка для смены пароля недействительна');
    expect(html).toContain('href="/ru/account/forgot-password"');
    const verify = await s.get('/account/verify-email?token=not-a-token');
    expect(verify.status).toBe(200);
    const refused = await s.post('/account/verify-email', { token: 'not-a-token' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This confirmation link is invalid');
    expect((await s.get('/account/reset-password')).status).toBe(400);
    const foreign = await s.post('/account/reset-password', { token: 'x', password: 'y' }, { origin: 'http://attacker.test' });
    expect(foreign.status).toBe(403);
  });
});
