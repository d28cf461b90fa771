import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { type Shopper, shopper, variantOf } from './shop-client.js';

const ADDRESS = {
  ship_name: 'Ada Lovelace',
  ship_line1: '12 Analytical Row',
  ship_city: 'London',
  ship_postalCode: 'N1 1AA',
  ship_countryCode: 'gb',
  billingSame: '1',
};

/** The checkout form's fields as the page gives them (the nonce, the shipping option chosen). */
const formOf = async (s: Shopper): Promise<Record<string, string>> => {
  const page = await s.get('/checkout');
  expect(page.status).toBe(200);
  const html = await page.text();
  const nonce = /name="nonce" value="([\w-]+)"/.exec(html)?.[1] ?? '';
  const shipping = /<option value="([\w-]+)" selected/.exec(html)?.[1];
  return { nonce, ...(shipping ? { shippingOptionId: shipping } : {}) };
};

describe('checkout and order pages without JavaScript', () => {
  let shop: ShopHarness;
  let tee: string;
  beforeAll(async () => {
    shop = await startShop();
    await shop.settle();
    tee = await variantOf(shop, 'classic-t-shirt');
    const option = await shop.api('POST', '/commerce/shipping-options', { name: 'Courier', currencyCode: 'USD', amount: 500 });
    expect(option.status).toBe(201);
  });
  afterAll(() => shop?.close());

  it('sends an empty cart from checkout back to the cart page', async () => {
    const response = await shopper(shop).get('/checkout');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/cart');
  });

  it('shows an invalid e-mail address beside its field (422), keeping what was typed', async () => {
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const form = await formOf(s);
    const response = await s.post('/checkout', { ...form, ...ADDRESS, email: 'not-an-address' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<input id="f-email" name="email" type="email" value="not-an-address"[^>]*aria-describedby="f-email-error"/);
    expect(html).toContain('<span class="error" id="f-email-error">Please enter a valid e-mail address.</span>');
    expect(html).toContain('value="Ada Lovelace"');
    expect(html).toContain('value="12 Analytical Row"');
    expect(html).toContain(`value="${form.nonce}"`);
    const byApi = await s.post('/checkout', { ...form, ...ADDRESS, email: 'ada@example.com', ship_phone: 'call me' });
    expect(byApi.status).toBe(422);
    const again = await byApi.text();
    expect(again).toMatch(
      /<input id="f-ship_phone" name="ship_phone" type="tel" value="call me"[^>]*aria-describedby="f-ship_phone-error"/,
    );
    expect(again).toContain('<span class="error" id="f-ship_phone-error">');
    const badOption = { ...form, ...ADDRESS, email: 'ada@example.com', shippingOptionId: '01890000-0000-7000-8000-000000000001' };
    const noOption = await s.post('/checkout', badOption);
    expect(noOption.status).toBe(422);
    expect(await noOption.text()).toMatch(/aria-describedby="f-shippingOptionId-error">[\s\S]*This shipping option is not available/);
  });

  it('places the order once however often the form is sent, and shows it as "Order #N" to its shopper only', async () => {
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '2' });
    const form = { ...(await formOf(s)), ...ADDRESS, email: 'ada@example.com' };
    const cartCookie = s.cookie();
    const [first, second] = await Promise.all([s.post('/checkout', form), s.post('/checkout', form, { cookie: cartCookie })]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    const location = first.headers.get('location') ?? '';
    expect(location).toMatch(/^\/orders\/[\w-]+$/);
    expect(second.headers.get('location')).toBe(location);
    expect(s.cookies.has('rk_cart')).toBe(false);
    expect(s.cookies.get('rk_order')).toContain(location.split('/')[2]);

    const page = await s.get(location);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    const orderId = location.split('/')[2] ?? '';
    const order = await shop.api<{ displayId: number; total: number; shippingTotal: number }>('GET', `/commerce/orders/${orderId}`);
    expect(html).toContain(`Order #${order.body.displayId}`);
    expect(html).toContain('Classic T-shirt');
    expect(order.body.shippingTotal).toBe(500);
    const all = await shop.api<{ items: { id: string; email: string }[] }>('GET', '/commerce/orders?q=ada@example.com');
    expect(all.body.items.filter((o) => o.email === 'ada@example.com')).toHaveLength(1);

    const stranger = await shopper(shop).get(location);
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain('Classic T-shirt');
  });

  it('lists the guest’s last order on /orders and offers the sign-in', async () => {
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const form = { ...(await formOf(s)), ...ADDRESS, email: 'grace@example.com' };
    const placed = await s.post('/checkout', form);
    const id = placed.headers.get('location')?.split('/')[2] ?? '';
    const html = await (await s.get('/orders')).text();
    expect(html).toContain(`href="/orders/${id}"`);
    expect(html).toContain('href="/account"');
  });

  it('lets a guest on another device find their order by number and e-mail address, and no one without both', async () => {
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const placed = await s.post('/checkout', { ...(await formOf(s)), ...ADDRESS, email: 'Lookup@Example.com' });
    const id = placed.headers.get('location')?.split('/')[2] ?? '';
    const order = await shop.api<{ displayId: number }>('GET', `/commerce/orders/${id}`);
    const number = order.body.displayId;

    const other = shopper(shop);
    expect(await (await other.get('/orders')).text()).toContain('action="/orders/lookup"');
    const wrong = await other.post('/orders/lookup', { number: String(number), email: 'someone@example.com' });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('No order with this number and e-mail address.');
    expect(html).toContain(`value="${number}"`);
    expect((await other.get(`/orders/${id}`)).status).toBe(404);

    const found = await other.post('/orders/lookup', { number: `#${number}`, email: 'lookup@example.com' });
    expect(found.status).toBe(303);
    expect(found.headers.get('location')).toBe(`/orders/${id}`);
    expect(await (await other.follow(found)).text()).toContain(`Order #${number}`);
  });

  it('shows the form again (422) when the stock ran short before the order was placed; in Russian under /ru', async () => {
    const mug = await variantOf(shop, 'ceramic-mug');
    const s = shopper(shop);
    await s.post('/ru/cart/items', { variantId: mug, quantity: '3' });
    const page = await (await s.get('/ru/checkout')).text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Оплата при получении заказа.');
    const nonce = /name="nonce" value="([\w-]+)"/.exec(page)?.[1] ?? '';
    expect((await shop.api('PUT', `/commerce/inventory/${mug}`, { available: 1 })).status).toBe(200);
    const refused = await s.post('/ru/checkout', { nonce, ...ADDRESS, email: 'short@example.com' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Столько нет в наличии.');
    expect(html).toContain('value="short@example.com"');
    expect(s.cookies.has('rk_cart')).toBe(true);
  });
});
