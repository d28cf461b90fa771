import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { shopper, variantOf } from './shop-client.js';

describe('cart without JavaScript', () => {
  let shop: ShopHarness;
  let tee: string;
  beforeAll(async () => {
    shop = await startShop();
    await shop.settle();
    tee = await variantOf(shop, 'classic-t-shirt');
  });
  afterAll(() => shop?.close());

  it('adds to a new cart (303 to /cart, cart cookie) and the cart page shows the line, privately', async () => {
    const s = shopper(shop);
    const added = await s.post('/cart/items', { variantId: tee, quantity: '2', back: '/products/classic-t-shirt' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/cart');
    expect(s.cookies.get('rk_cart')).toMatch(/^[\w-]+(\.|%2E)[\w-]+$/);
    const page = await s.follow(added);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('Classic T-shirt');
    expect(html).toMatch(/name="quantity"[^>]*value="2"|value="2"[^>]*name="quantity"/);
    expect(html).toContain('href="/checkout"');
  });

  it('updates a line quantity and removes it', async () => {
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const html = await (await s.get('/cart')).text();
    const itemId = /data-line="([\w-]+)"/.exec(html)?.[1] ?? '';
    expect(itemId).not.toBe('');
    const updated = await s.follow(await s.post(`/cart/items/${itemId}`, { _action: 'update', quantity: '3' }));
    expect(await updated.text()).toMatch(/value="3"/);
    const removed = await s.follow(await s.post(`/cart/items/${itemId}`, { _action: 'remove' }));
    const after = await removed.text();
    expect(after).not.toContain(`data-line="${itemId}"`);
    expect(after).toContain('Your cart is empty.');
  });

  it('sends a quantity beyond the stock back to the cart with a message, and a Russian cart speaks Russian', async () => {
    const s = shopper(shop);
    const back = '/ru/products/classic-t-shirt';
    const refused = await s.post('/ru/cart/items', { variantId: tee, quantity: '9999', back });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(`/ru/cart?error=stock&back=${encodeURIComponent(back)}`);
    const html = await (await s.follow(refused)).text();
    expect(html).toContain('Столько нет в наличии.');
    expect(html).toContain('Корзина пуста.');
    expect(html).toContain(`<a href="${back}">Продолжить покупки</a>`);
    const elsewhere = await (await s.get('/ru/cart?back=%2F%2Fevil.example')).text();
    expect(elsewhere).toContain('<a href="/ru">Продолжить покупки</a>');
  });

  it('starts a new cart when the cookie names one that is gone', async () => {
    const s = shopper(shop);
    s.cookies.set('rk_cart', '01890000-0000-7000-8000-000000000000.bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtbm90LWEtcmVhbC10b2tlbg');
    const added = await s.post('/cart/items', { variantId: tee, quantity: '1' });
    expect(added.headers.get('location')).toBe('/cart');
    expect(s.cookies.get('rk_cart')).not.toContain('01890000-0000-7000-8000-000000000000');
    expect(await (await s.follow(added)).text()).toContain('Classic T-shirt');
  });

  it('refuses a form posted from another site (403), and takes one from its own origin', async () => {
    const s = shopper(shop);
    const foreign = await s.post('/cart/items', { variantId: tee, quantity: '1' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(s.cookies.has('rk_cart')).toBe(false);
    const own = await s.post('/cart/items', { variantId: tee, quantity: '1' }, { origin: shop.server.address });
    expect(own.status).toBe(303);
  });

  it('applies a discount code to the cart (its line in the totals), refuses an unknown one, and removes it', async () => {
    expect((await shop.api('POST', '/commerce/discounts', { code: 'SAVE10', kind: 'percentage', value: 1000 })).status).toBe(201);
    const s = shopper(shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const unknown = await s.post('/cart/discount', { code: 'NOPE' });
    expect(unknown.headers.get('location')).toBe('/cart?error=discount');
    expect(await (await s.follow(unknown)).text()).toContain('This discount code is not valid.');
    const applied = await (await s.follow(await s.post('/cart/discount', { code: 'save10' }))).text();
    expect(applied).toContain('Code SAVE10 applied.');
    expect(applied).toMatch(/data-total="discount"><dt>Discount<\/dt><dd>−\$1\.90<\/dd>/);
    const removed = await (await s.follow(await s.post('/cart/discount', { _action: 'remove' }))).text();
    expect(removed).not.toContain('data-total="discount"');
    expect(removed).toContain('name="code"');
  });
});
