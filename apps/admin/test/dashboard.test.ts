import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// The dashboard of a shop with two orders placed today (one of them paid) and a variant low on
// stock: the figures the server counts, shown in cards that follow the user's permissions.
describeInEmbeddedBrowser('admin app: dashboard', (backend) => {
  let h: AdminHarness;
  let page: Page;
  const displayIds: number[] = [];
  const password = 'Oolong-shop-pass-1';
  const owner = { tenant: 'oolong', email: 'owner@oolong.example.com', password };
  const writer = { tenant: 'oolong', email: 'writer@oolong.example.com', password };

  /** An order of one unit of the variant through the store API; its number. */
  const placeOrder = async (api: ReturnType<typeof apiOf>, variantId: string, n: number): Promise<{ id: string; displayId: number }> => {
    const shop = { 'x-tenant-id': owner.tenant };
    const made = api.expectStatus('cart', await api.call('POST', '/store/carts', { currencyCode: 'EUR' }, shop), 201).body as {
      cart: { id: string };
      cartToken: string;
    };
    const cart = { ...shop, 'x-cart-token': made.cartToken };
    api.expectStatus('item', await api.call('POST', `/store/carts/${made.cart.id}/items`, { variantId, quantity: 1 }, cart), 200);
    const address = { name: 'Ada Lovelace', line1: '12 Tea Lane', city: 'London', postalCode: 'N1 1AA', countryCode: 'GB' };
    const checkout = { email: `buyer${n}@example.com`, shippingAddress: address };
    const placed = await api.call('POST', `/store/carts/${made.cart.id}/checkout`, checkout, { ...cart, 'idempotency-key': `order-${n}` });
    return (api.expectStatus('checkout', placed, 201).body as { order: { id: string; displayId: number } }).order;
  };

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
          title: 'Oolong',
          handle: 'oolong',
          status: 'published',
          variants: [
            { title: '50 g', sku: 'OO-50', prices: [{ amount: 700, currencyCode: 'EUR' }], inventory: 3 },
            { title: '100 g', sku: 'OO-100', prices: [{ amount: 1250, currencyCode: 'EUR' }], inventory: 40 },
          ],
        },
        staff,
      ),
      201,
    ).body as { id: string; variants: { id: string; sku: string }[] };
    const big = product.variants.find((v) => v.sku === 'OO-100')?.id ?? '';
    const paid = await placeOrder(api, big, 1);
    const pending = await placeOrder(api, big, 2);
    displayIds.push(paid.displayId, pending.displayId);
    api.expectStatus('pay', await api.call('POST', `/commerce/orders/${paid.id}/transitions`, { to: 'paid' }, staff), 200);
    // A role that reads the blog and the modules, and nothing of commerce.
    const role = { permissions: ['blog.posts.read', 'tenancy.modules.read'] };
    api.expectStatus('role', await api.call('PUT', '/auth/roles/blog_reader', role, staff), 200);
    const user = { email: writer.email, password, roles: ['blog_reader'] };
    api.expectStatus('user', await api.call('POST', '/auth/users', user, staff), 201);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const cellsOf = (name: string) =>
    page
      .getByRole('region', { name: 'Orders', exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell')
      .allTextContents();

  it("shows today's and the week's orders, paid revenue, the newest orders and low stock", async () => {
    const orders = page.getByRole('region', { name: 'Orders', exact: true });
    await orders.getByRole('link', { name: `#${displayIds[1]}`, exact: true }).waitFor();
    expect(await cellsOf('Today (UTC)')).toEqual(['2 orders', '€12.50']);
    expect(await cellsOf('Last 7 days (UTC)')).toEqual(['2 orders', '€12.50']);
    expect(await orders.getByRole('link', { name: `#${displayIds[0]}`, exact: true }).count()).toBe(1);
    const low = page.getByRole('region', { name: 'Low stock', exact: true });
    const rows = low.getByRole('row').filter({ hasText: 'OO-' });
    expect(await rows.count()).toBe(1);
    expect(await rows.getByRole('cell').allTextContents()).toEqual(['Oolong — 50 g', 'OO-50', '3']);
    await page.getByRole('region', { name: 'Module health', exact: true }).getByRole('cell', { name: 'commerce', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Search index', exact: true }).waitFor();
    // The platform's event system is the operator's: a shop owner has no card for it.
    expect(await page.getByRole('region', { name: 'Events', exact: true }).count()).toBe(0);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-dashboard');
  });

  it('opens the product of a variant low on stock', async () => {
    await page.getByRole('region', { name: 'Low stock', exact: true }).getByRole('link', { name: 'Oolong — 50 g' }).click();
    await page.getByRole('heading', { name: 'Oolong', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  it('opens an order from the list of the newest', async () => {
    await page
      .getByRole('region', { name: 'Orders', exact: true })
      .getByRole('link', { name: `#${displayIds[0]}`, exact: true })
      .click();
    await page.getByRole('heading', { name: new RegExp(`^Order #${displayIds[0]}`) }).waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  it('shows a user without commerce permissions no order or stock card', async () => {
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, writer);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await own.getByRole('region', { name: 'Module health', exact: true }).getByRole('cell', { name: 'commerce', exact: true }).waitFor();
    expect(await own.getByRole('region', { name: 'Orders', exact: true }).count()).toBe(0);
    expect(await own.getByRole('region', { name: 'Low stock', exact: true }).count()).toBe(0);
    expect(await h.violations(own)).toEqual([]);
    await own.close();
  });

  it("shows the platform operator the event system's backlog and dead letters", async () => {
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, h.admin);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const events = own.getByRole('region', { name: 'Events', exact: true });
    await events.getByText('Dead letters', { exact: true }).waitFor();
    expect(await events.getByRole('definition').allTextContents()).toEqual([expect.stringMatching(/^\d+$/), expect.any(String), '0']);
    expect(await h.violations(own)).toEqual([]);
    await own.close();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
