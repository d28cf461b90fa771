import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// An order placed through the store API is paid, fulfilled and shipped by the shop's staff in the
// admin app (Chromium, the real server with every built-in module), each step offering only the
// moves the server allows.
describeInBrowser('admin app: orders', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let displayId = 0;
  const owner = { tenant: 'teas', email: 'owner@teas.example.com', password: 'Tea-shop-pass-1' };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    const api = apiOf(h);
    const staff = await api.tenantWithOwner(owner.tenant, owner);
    const product = api.expectStatus(
      'product',
      await api.call(
        'POST',
        '/commerce/products',
        {
          title: 'Green Tea',
          handle: 'green-tea',
          variants: [{ title: '100 g', sku: 'GT-100', prices: [{ amount: 1200, currencyCode: 'EUR' }], inventory: 10 }],
        },
        staff,
      ),
      201,
    ).body as { id: string; variants: { id: string }[] };
    api.expectStatus('publish', await api.call('POST', `/commerce/products/${product.id}/publish`, undefined, staff), 200);
    const shop = { 'x-tenant-id': owner.tenant };
    const created = api.expectStatus('cart', await api.call('POST', '/store/carts', { currencyCode: 'EUR' }, shop), 201).body as {
      cart: { id: string };
      cartToken: string;
    };
    const cart = { ...shop, 'x-cart-token': created.cartToken };
    const item = { variantId: product.variants[0]?.id, quantity: 2 };
    api.expectStatus('item', await api.call('POST', `/store/carts/${created.cart.id}/items`, item, cart), 200);
    const address = { name: 'Ada Lovelace', line1: '12 Tea Lane', city: 'London', postalCode: 'N1 1AA', countryCode: 'GB' };
    const checkout = { email: 'ada@example.com', shippingAddress: address };
    const placed = await api.call('POST', `/store/carts/${created.cart.id}/checkout`, checkout, { ...cart, 'idempotency-key': 'order-1' });
    const order = api.expectStatus('checkout', placed, 201).body as { order: { displayId: number } };
    displayId = order.order.displayId;
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const status = () => page.getByTestId('order-status').textContent();
  const moves = () => page.getByRole('group', { name: 'Move the order' }).getByRole('button').allTextContents();

  it('lists the order and filters by status', async () => {
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('link', { name: `#${displayId}` }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'ada@example.com' }).getByRole('cell').nth(2).textContent()).toBe('pending');
    await page.getByLabel('Status').selectOption('shipped');
    await page.getByText('No orders with status shipped.').waitFor();
    expect(page.url()).toContain('status=shipped');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('link', { name: `#${displayId}` }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'orders');
  });

  it('pays, fulfils and ships it, offering only the allowed moves', async () => {
    await page.getByRole('link', { name: `#${displayId}` }).click();
    await page.getByRole('heading', { name: new RegExp(`^Order #${displayId}`) }).waitFor();
    expect(await status()).toBe('pending');
    expect(await page.getByRole('cell', { name: 'Green Tea — 100 g' }).count()).toBe(1);
    expect(await moves()).not.toContain('Mark as shipped');
    for (const [move, next] of [
      ['Mark as paid', 'paid'],
      ['Mark as fulfilled', 'fulfilled'],
      ['Mark as shipped', 'shipped'],
    ] as const) {
      await page.getByRole('button', { name: move }).click();
      await page
        .getByTestId('order-status')
        .filter({ hasText: new RegExp(`^${next}$`) })
        .waitFor();
      expect(await moves()).not.toContain(move);
    }
    expect(await page.locator('.history li').count()).toBeGreaterThanOrEqual(4);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'order');
  });

  it('shows the search index of the shop and requests a rebuild', async () => {
    await page.getByRole('link', { name: 'Search index' }).click();
    await page.getByRole('heading', { name: 'Search index' }).waitFor();
    const products = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Products', exact: true }) });
    // One row per product and locale: the tea in each of the shop's locales.
    expect(Number(await products.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(1);
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rebuild the index' }).click();
    await page.getByRole('status').filter({ hasText: 'Rebuild requested.' }).waitFor();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
