import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { shopper, variantOf } from './shop-client.js';

const ADDRESS = { ship_name: 'Marie Curie', ship_line1: '1 Rue Pierre', ship_city: 'Paris', ship_countryCode: 'FR', billingSame: '1' };

describe('customer account without JavaScript', () => {
  let shop: ShopHarness;
  let tee: string;
  beforeAll(async () => {
    shop = await startShop();
    await shop.settle();
    tee = await variantOf(shop, 'classic-t-shirt');
  });
  afterAll(() => shop?.close());

  it('shows the sign-in and register forms to a guest', async () => {
    const response = await shopper(shop).get('/account');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    expect(html).toContain('action="/account/sign-in"');
    expect(html).toContain('action="/account/register"');
  });

  it('registers a customer and shows their account page; signing out ends the session', async () => {
    const s = shopper(shop);
    const registered = await s.post('/account/register', { name: 'Marie', email: 'marie@example.com', password: 'radium-1898-polonium' });
    expect(registered.status).toBe(303);
    expect(registered.headers.get('location')).toBe('/account');
    expect(s.cookies.has('rk_session')).toBe(true);
    expect(s.cookies.has('rk_refresh')).toBe(true);
    const html = await (await s.follow(registered)).text();
    expect(html).toContain('Signed in as marie@example.com');
    expect(html).toContain('You have no orders yet.');

    const out = await s.post('/account/sign-out', {});
    expect(out.status).toBe(303);
    expect(s.cookies.has('rk_session')).toBe(false);
    expect(await (await s.follow(out)).text()).toContain('action="/account/sign-in"');
  });

  // Sign-ins and registrations count against the login rate limit (10 a minute per address): this file stays under it.
  it('answers a wrong password with the form again and the error (401), the address kept; never sends anyone to another site', async () => {
    const wrong = await shopper(shop).post('/account/sign-in', { email: 'marie@example.com', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('Wrong e-mail address or password.');
    expect(html).toContain('value="marie@example.com"');
    const right = await shopper(shop).post('/account/sign-in', {
      back: '//evil.example/x',
      email: 'marie@example.com',
      password: 'radium-1898-polonium',
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/account');
  });

  it('refuses a registration with an address taken, beside the field', async () => {
    const again = await shopper(shop).post('/ru/account/register', { email: 'marie@example.com', password: 'second-password-2' });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('Аккаунт с этим адресом уже существует.');
    expect(html).toContain('aria-describedby="f-email-error"');
  });

  it('lists an order placed while signed in in the account’s order history and on /orders', async () => {
    const s = shopper(shop);
    await s.post('/account/register', { email: 'eve@example.com', password: 'apple-tree-1234' });
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const form = await (await s.get('/checkout')).text();
    expect(form).toContain('value="eve@example.com"');
    const nonce = /name="nonce" value="([\w-]+)"/.exec(form)?.[1] ?? '';
    const placed = await s.post('/checkout', { nonce, email: 'eve@example.com', ...ADDRESS });
    expect(placed.status).toBe(303);
    const id = placed.headers.get('location')?.split('/')[2] ?? '';
    const account = await (await s.get('/account')).text();
    expect(account).toContain(`href="/orders/${id}"`);
    expect(account).toMatch(/Order #\d+/);
    expect(await (await s.get('/orders')).text()).toContain(`href="/orders/${id}"`);
    // The customer reaches the order by their session too, without the order cookie.
    s.cookies.delete('rk_order');
    expect((await s.get(`/orders/${id}`)).status).toBe(200);
  });

  it('renews an expired session with the refresh token, once, and carries on', async () => {
    const s = shopper(shop);
    await s.post('/account/register', { email: 'renew@example.com', password: 'renew-me-please-1' });
    const before = s.cookies.get('rk_refresh');
    s.cookies.delete('rk_session');
    const renewed = await s.get('/account');
    expect(renewed.status).toBe(303);
    expect(renewed.headers.get('location')).toBe('/account');
    expect(s.cookies.has('rk_session')).toBe(true);
    expect(s.cookies.get('rk_refresh')).not.toBe(before);
    expect(await (await s.follow(renewed)).text()).toContain('Signed in as renew@example.com');
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await shopper(shop).post('/account/sign-in', { email: 'a@b.c', password: 'x' }, { origin: 'http://attacker.test' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request refused');
  });

  it('drops a session token the API no longer takes, on the account and the cart page', async () => {
    const s = shopper(shop);
    s.cookies.set('rk_session', 'not-a-token');
    const account = await s.get('/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('action="/account/sign-in"');
    expect(s.cookies.has('rk_session')).toBe(false);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    s.cookies.set('rk_session', 'not-a-token');
    expect((await s.get('/cart')).status).toBe(200);
    expect(s.cookies.has('rk_session')).toBe(false);
    expect(await (await s.get('/cart')).text()).toContain('Classic T-shirt');
  });

  it('signs in from the checkout and returns to it; the guest cart becomes the customer’s and so does its order', async () => {
    await shopper(shop).post('/account/register', { email: 'claim@example.com', password: 'claim-my-cart-1' });
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const checkout = await (await s.get('/checkout')).text();
    expect(checkout).toContain('href="/account?back=%2Fcheckout"');
    const account = await (await s.get('/account?back=%2Fcheckout')).text();
    expect(account).toContain('<input type="hidden" name="back" value="/checkout"/>');
    const signedIn = await s.post('/account/sign-in', { back: '/checkout', email: 'claim@example.com', password: 'claim-my-cart-1' });
    expect(signedIn.headers.get('location')).toBe('/checkout');
    const form = await (await s.follow(signedIn)).text();
    expect(form).toContain('value="claim@example.com"');
    const nonce = /name="nonce" value="([\w-]+)"/.exec(form)?.[1] ?? '';
    const placed = await s.post('/checkout', { nonce, email: 'claim@example.com', ...ADDRESS });
    const id = placed.headers.get('location')?.split('/')[2] ?? '';
    s.cookies.delete('rk_order');
    expect(await (await s.get('/account')).text()).toContain(`href="/orders/${id}"`);
  });
});
