import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// The platform operator in the admin app (Chromium, the real server with every built-in module):
// creates a tenant, acts in it (audited), switches one of its modules off, returns, deactivates it.
describeInBrowser('admin app: the platform operator', (backend) => {
  let h: AdminHarness;
  let page: Page;
  const owner = { tenant: 'acme', email: 'owner@acme.example.com', password: 'Acme-owner-pass-1' };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const menu = async () => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).sort();
  // The tenant's screens (more join as they are built), and the platform's own only for the operator at home.
  const TENANT_SCREENS = ['Blog', 'Home', 'Modules', 'Orders', 'Products', 'Search index', 'Users'];
  const PLATFORM_SCREENS = ['System', 'Tenants'];
  /** Waits for the menu (module-bound entries join once the tenant's modules have loaded). */
  const expectMenu = async (read: () => Promise<string[]>, platform: boolean) => {
    await expect.poll(read).toEqual(expect.arrayContaining(platform ? [...TENANT_SCREENS, ...PLATFORM_SCREENS] : TENANT_SCREENS));
    if (!platform) expect((await read()).filter((l) => PLATFORM_SCREENS.includes(l))).toEqual([]);
  };
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  it('creates a tenant with its owner', async () => {
    await expectMenu(menu, true);
    await page.getByRole('link', { name: 'Tenants', exact: true }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    expect(await row('default').count()).toBe(1);
    await page.getByLabel('Name').fill('Acme Shop');
    await page.getByLabel('Slug').fill(owner.tenant);
    await page.getByLabel('Owner e-mail').fill(owner.email);
    await page.getByLabel('Owner password').fill(owner.password);
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Acme Shop.' }).waitFor();
    await row('acme').waitFor();
    expect(await row('acme').getByRole('cell').nth(2).textContent()).toBe('Active');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'tenants');
  });

  it('refuses a second tenant with the same slug, with the server’s code', async () => {
    await page.getByLabel('Name').fill('Acme again');
    await page.getByLabel('Slug').fill(owner.tenant);
    await page.getByLabel('Owner e-mail').fill('other@acme.example.com');
    await page.getByLabel('Owner password').fill(owner.password);
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\(TENANT_[A-Z_]+\)/);
  });

  it('acts in the tenant for a stated reason and switches one of its modules off', async () => {
    await row('acme').getByRole('button', { name: 'Act in Acme Shop' }).click();
    await page.getByLabel('Reason (kept in the audit log)').fill('Set up the shop for its owner');
    await page.getByRole('button', { name: 'Act in Acme Shop' }).last().click();
    await page.getByRole('status').filter({ hasText: 'Acting in Acme Shop' }).waitFor();
    await expectMenu(menu, false);
    await page.getByRole('link', { name: 'Modules', exact: true }).click();
    await page.getByRole('heading', { name: 'Modules' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'modules');
    await page.getByRole('button', { name: 'Switch off Forum' }).click();
    await page.getByRole('button', { name: 'Switch on Forum' }).waitFor();
    expect(await row('Forum').count()).toBe(0); // the name cell holds the description too
    // by its name: Content's row names Forum among the modules that need it
    const forum = page.getByRole('row').filter({ has: page.locator('strong', { hasText: /^Forum$/ }) });
    expect(await forum.getByRole('cell').nth(3).textContent()).toBe('Off');
  });

  it('returns to the platform and deactivates the tenant', async () => {
    await page.getByRole('button', { name: 'Return to the platform' }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    await expectMenu(menu, true);
    await row('acme').getByRole('button', { name: 'Deactivate Acme Shop', exact: true }).click();
    await row('acme').getByRole('button', { name: 'Activate Acme Shop', exact: true }).waitFor();
    expect(await row('acme').getByRole('cell').nth(2).textContent()).toBe('Inactive');
  });

  it('shows the tenant’s owner no platform screens, and the module as the operator left it', async () => {
    await row('acme').getByRole('button', { name: 'Activate Acme Shop', exact: true }).click();
    await row('acme').getByRole('button', { name: 'Deactivate Acme Shop', exact: true }).waitFor();
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, owner);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await expectMenu(() => own.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents(), false);
    await own.getByRole('link', { name: 'Modules', exact: true }).click();
    const forum = own.getByRole('row').filter({ has: own.locator('strong', { hasText: /^Forum$/ }) });
    await forum.waitFor();
    expect(await forum.getByRole('cell').nth(3).textContent()).toBe('Off');
    await own.close();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The refused duplicate's 409 is the one console error a browser logs by itself.
    expect(h.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
