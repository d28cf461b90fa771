import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// A shop's staff in the admin app (Chromium, the real server with every built-in module): a product
// with two variants and prices is created and published in the UI and found in the storefront API;
// an editor sees no catalog write buttons, and the server refuses the call anyway.
describeInBrowser('admin app: catalog', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  const password = 'Shop-staff-pass-1';
  const owner = { tenant: 'linen', email: 'owner@linen.example.com', password };
  const editor = { tenant: 'linen', email: 'editor@linen.example.com', password };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    await api.tenantWithOwner(owner.tenant, owner);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const row = (title: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });

  it('adds an editor on the users screen', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByLabel('E-mail').fill(editor.email);
    await page.getByLabel('Password').fill(password);
    expect(await page.getByRole('group', { name: 'Roles', exact: true }).getByLabel('editor').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Created ${editor.email}.` })
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: editor.email });
    await row.waitFor();
    expect(
      await row
        .getByRole('group', { name: `Roles of ${editor.email}` })
        .getByLabel('editor')
        .isChecked(),
    ).toBe(true);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'users');
  });

  it('creates a product with two variants and their prices', async () => {
    await page.getByRole('link', { name: 'Products' }).click();
    await page.getByText('No products yet.').waitFor();
    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByRole('heading', { name: 'New product' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Linen Shirt');
    await page.getByLabel('Handle (optional)').fill('linen-shirt');
    await page.getByLabel('Variant 1 title').fill('Small');
    await page.getByLabel('Variant 1 SKU').fill('LS-S');
    await page.getByLabel('Variant 1 price').fill('25.00');
    await page.getByLabel('Variant 1 stock').fill('5');
    await page.getByRole('button', { name: 'Add a variant' }).click();
    await page.getByLabel('Variant 2 title').fill('Medium');
    await page.getByLabel('Variant 2 SKU').fill('LS-M');
    await page.getByLabel('Variant 2 price').fill('27.50');
    await page.getByLabel('Variant 2 stock').fill('3');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'product-new');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    await row('Linen Shirt').waitFor();
    const cells = await row('Linen Shirt').getByRole('cell').allTextContents();
    expect(cells.slice(1)).toEqual(['Linen Shirt', 'linen-shirt', 'draft', '2', '25.00 USD']);
  });

  it('shows the server’s refusal of a handle already taken', async () => {
    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Another shirt');
    await page.getByLabel('Handle (optional)').fill('linen-shirt');
    await page.getByLabel('Variant 1 title').fill('One size');
    await page.getByLabel('Variant 1 price').fill('10');
    await page.getByRole('button', { name: 'Create product' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\([A-Z_]+\)/);
    await page.getByRole('link', { name: 'Products' }).click();
  });

  it('publishes it from the list, and the storefront API has it with both variants', async () => {
    await row('Linen Shirt').getByRole('checkbox').check();
    await page.getByText('1 selected').waitFor();
    await page.getByRole('button', { name: 'Publish selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Done for 1 product.' }).waitFor();
    await row('Linen Shirt').getByRole('cell', { name: 'published' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'products');
    let found: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
    for (let i = 0; i < 100 && found.status !== 200; i++) {
      found = await api.call('GET', '/store/products/linen-shirt', undefined, { 'x-tenant-id': owner.tenant });
      if (found.status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found.status).toBe(200);
    const variants = found.body.variants as { sku: string; prices: { amount: number; currencyCode: string }[] }[];
    expect(variants.map((v) => [v.sku, v.prices])).toEqual([
      ['LS-S', [{ amount: 2500, currencyCode: 'USD' }]],
      ['LS-M', [{ amount: 2750, currencyCode: 'USD' }]],
    ]);
  });

  it('shows an editor the catalog without write buttons, and the server refuses the write anyway', async () => {
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, editor);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await own.getByRole('link', { name: 'Products' }).click();
    await own.getByRole('cell', { name: 'Linen Shirt', exact: true }).waitFor();
    expect(await own.getByRole('link', { name: 'New product' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Publish selected' }).count()).toBe(0);
    const token = await api.tokenOf(editor.tenant, editor.email, password);
    const refused = await api.call(
      'POST',
      '/commerce/products',
      { title: 'Sneaky', variants: [{ title: 'x', prices: [] }] },
      {
        authorization: `Bearer ${token}`,
        'x-tenant-id': editor.tenant,
      },
    );
    expect(refused.status).toBe(403);
    await own.close();
  });

  it('disables the editor on the users screen, and the editor can no longer sign in', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: `Disable ${editor.email}` }).click();
    await page.getByRole('button', { name: `Enable ${editor.email}` }).waitFor();
    const login = await api.call('POST', '/auth/login', { email: editor.email, password }, { 'x-tenant-id': editor.tenant });
    expect(login.status).toBeGreaterThanOrEqual(400);
    await page.getByRole('link', { name: 'Home' }).click();
  });

  it('takes the catalog out of the menu when the shop switches commerce off, and back when on', async () => {
    const links = () => page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await links().allTextContents()).toContain('Products');
    await page.getByRole('link', { name: 'Modules' }).click();
    await page.getByRole('button', { name: 'Switch off Commerce' }).click();
    await page.getByRole('button', { name: 'Switch on Commerce' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).waitFor({ state: 'detached' });
    const shown = await links().allTextContents();
    expect(shown.filter((l) => ['Products', 'Price lists', 'Orders'].includes(l))).toEqual([]);
    expect(shown).toEqual(expect.arrayContaining(['Home', 'Blog', 'Users', 'Search index', 'Modules']));
    await page.getByRole('button', { name: 'Switch on Commerce' }).click();
    await page.getByRole('link', { name: 'Products' }).waitFor();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The refused duplicate handle is the one error answer the browser logs by itself.
    expect(h.problems.filter((p) => !/status of (409|422)/.test(p))).toEqual([]);
  });
});
