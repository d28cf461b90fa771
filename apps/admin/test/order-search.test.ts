import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// Orders placed through the store API are found in the admin app by number and by e-mail (the
// search kept in the address); one is authorized, captured and, after a question, refunded there.
describeInEmbeddedBrowser('admin app: order search and payments', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let staff: Record<string, string>;
  const orders: { id: string; displayId: number; total: number }[] = [];
  const owner = { tenant: 'coffee', email: 'owner@coffee.example.com', password: 'Coffee-shop-pass-1' };

  /** An order of one bag by this customer, placed as a guest through the store API. */
  const place = async (variantId: string, email: string) => {
    const api = apiOf(h);
    const shop = { 'x-tenant-id': owner.tenant };
    const made = api.expectStatus('cart', await api.call('POST', '/store/carts', { currencyCode: 'EUR' }, shop), 201).body as {
      cart: { id: string };
      cartToken: string;
    };
    const cart = { ...shop, 'x-cart-token': made.cartToken };
    api.expectStatus('item', await api.call('POST', `/store/carts/${made.cart.id}/items`, { variantId, quantity: 1 }, cart), 200);
    const shippingAddress = { name: email, line1: '1 Bean Street', city: 'Bristol', postalCode: 'BS1 1AA', countryCode: 'GB' };
    const placed = await api.call('POST', `/store/carts/${made.cart.id}/checkout`, { email, shippingAddress }, cart);
    orders.push((api.expectStatus('checkout', placed, 201).body as { order: (typeof orders)[number] }).order);
  };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    const api = apiOf(h);
    staff = await api.tenantWithOwner(owner.tenant, owner);
    const variant = { title: '250 g', sku: 'BEANS-250', prices: [{ amount: 900, currencyCode: 'EUR' }], inventory: 10 };
    const product = api.expectStatus(
      'product',
      await api.call('POST', '/commerce/products', { title: 'Beans', handle: 'beans', status: 'published', variants: [variant] }, staff),
      201,
    ).body as { variants: { id: string }[] };
    for (const email of ['ada@example.com', 'Grace@Example.org']) await place(product.variants[0]?.id ?? '', email);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const nth = (i: number) => orders[i] ?? { id: '', displayId: 0, total: 0 };
  const ada = () => nth(0);
  const grace = () => nth(1);
  const link = (o: { displayId: number }) => page.getByRole('link', { name: `#${o.displayId}`, exact: true });
  const search = async (q: string) => {
    await page.getByRole('searchbox', { name: 'Search orders' }).fill(q);
    await page.getByRole('searchbox', { name: 'Search orders' }).press('Enter');
  };
  const listed = () => page.locator('tbody tr td:first-child').allTextContents();

  it('finds an order by e-mail and by number, keeping the search in the address', async () => {
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await link(grace()).waitFor();
    await expect.poll(listed).toEqual([`#${grace().displayId}`, `#${ada().displayId}`]);
    await search('GRACE@');
    await page.waitForURL(/q=GRACE/);
    await page.getByRole('row').filter({ hasText: 'Grace@Example.org' }).waitFor();
    await expect.poll(listed).toEqual([`#${grace().displayId}`]);
    await search(`#${ada().displayId}`);
    await page.waitForURL(/q=%23/);
    await page.getByRole('row').filter({ hasText: 'ada@example.com' }).waitFor();
    await expect.poll(listed).toEqual([`#${ada().displayId}`]);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'ada@example.com' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search orders' }).inputValue()).toBe(`#${ada().displayId}`);
    await search('nobody@');
    await page.getByText('No orders match “nobody@”.').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear search', exact: true }).click();
    await link(grace()).waitFor();
    await expect.poll(listed).toHaveLength(2);
  });

  it('authorizes, captures and, once confirmed, refunds a payment', async () => {
    const status = () => page.getByTestId('order-status').textContent();
    const paymentStatus = () => page.getByTestId('payment-status').textContent();
    await link(ada()).click();
    await page.getByRole('heading', { name: new RegExp(`^Order #${ada().displayId}`) }).waitFor();
    await page.getByRole('region', { name: 'Payments' }).getByText('None recorded.').waitFor();
    await page.getByRole('button', { name: 'Authorize payment', exact: true }).click();
    await page
      .getByTestId('payment-status')
      .filter({ hasText: /^authorized$/ })
      .waitFor();
    expect(await status()).toBe('pending');
    await page.getByRole('button', { name: 'Capture payment', exact: true }).click();
    await page
      .getByTestId('order-status')
      .filter({ hasText: /^paid$/ })
      .waitFor();
    expect(await paymentStatus()).toBe('captured');
    await page.getByRole('button', { name: 'Refund payment', exact: true }).click();
    await page.getByRole('dialog').getByText('Refund €9.00 to the customer?', { exact: false }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-order-payments');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await status()).toBe('paid');
    await page.getByRole('button', { name: 'Refund payment', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, refund the payment', exact: true }).click();
    await page
      .getByTestId('order-status')
      .filter({ hasText: /^refunded$/ })
      .waitFor();
    expect(await paymentStatus()).toBe('refunded');
    expect(await page.getByRole('group', { name: 'Move the order' }).getByText('No further moves.').count()).toBe(1);
    expect(await page.locator('.history li').allTextContents()).toHaveLength(3);
    const api = apiOf(h);
    const order = api.expectStatus('order', await api.call('GET', `/commerce/orders/${ada().id}`, undefined, staff), 200).body;
    expect(order).toMatchObject({ status: 'refunded', payments: [{ status: 'refunded', refundedAmount: ada().total }] });
    expect(await h.violations(page)).toEqual([]);
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
