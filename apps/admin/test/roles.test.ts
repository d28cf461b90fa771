import { builtInModules } from '@rustok/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDocsModules } from '../../server/test/fixtures/docs-modules.js';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// A shop's owner makes a role of their own from the permission catalogue, gives it to a new user,
// who then sees and may do only what it grants; roles are changed and deleted; a module refusal
// for a dependency shows in the module's row; the admin speaks Russian after a reload; the
// operator reads the error catalogue and finds the shop this browser signed in to before.
describeInEmbeddedBrowser('admin app: roles, error catalogue, tenant switch', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  const owner = { tenant: 'tea-house', email: 'owner@tea-house.example.com', password: 'Tea-house-pass-1' };
  const desk = { tenant: owner.tenant, email: 'desk@tea-house.example.com', password: 'Order-desk-pass-1' };
  const fixtures = createDocsModules();

  beforeAll(async () => {
    h = await startAdminHarness(backend, { modules: [...builtInModules, fixtures.docs, fixtures.wiki], manifestFile: false });
    api = apiOf(h);
    await api.tenantWithOwner(owner.tenant, owner);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const menuOf = async (p: Page) => (await p.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).sort();
  const roleRow = (name: string) => page.getByRole('row').filter({ has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) });
  const permission = (name: string) => page.getByRole('checkbox', { name, exact: true });

  it('makes a tenant role with two permissions picked from the catalogue', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: 'Roles and their permissions' }).click();
    await page.getByRole('heading', { name: 'Roles', exact: true }).waitFor();
    expect(await roleRow('editor').getByRole('cell').nth(1).textContent()).toBe('Built-in');
    // Grouped by module, without the platform's own permissions.
    await page
      .getByRole('group', { name: 'Module commerce' })
      .getByRole('checkbox', { name: 'commerce.orders.read', exact: true })
      .waitFor();
    expect(await page.getByRole('group', { name: 'Module platform' }).count()).toBe(0);
    await page.getByLabel('Name', { exact: true }).fill('order_desk');
    await page.getByLabel('Description').fill('Answers questions about orders');
    await permission('tenancy.modules.read').check();
    await permission('commerce.orders.read').check();
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the role order_desk.' }).waitFor();
    expect(await roleRow('order_desk').getByRole('cell').nth(1).textContent()).toBe('Tenant role');
    expect(await roleRow('order_desk').locator('summary').textContent()).toBe('2 permissions');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-roles');
  });

  it('gives the role to a new user on the users screen', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await page.getByLabel('E-mail').fill(desk.email);
    await page.getByLabel('Password').fill(desk.password);
    const roles = page.getByRole('group', { name: 'Roles', exact: true });
    await roles.getByLabel('editor').uncheck();
    await roles.getByLabel('order_desk').check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Created ${desk.email}.` })
      .waitFor();
    const row = page.getByRole('group', { name: `Roles of ${desk.email}` });
    await row.waitFor();
    expect(await row.getByLabel('order_desk').isChecked()).toBe(true);
    expect(await row.getByLabel('editor').isChecked()).toBe(false);
  });

  it('shows the user only what the role allows, and the server refuses the rest', async () => {
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, desk);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(await menuOf(own)).toEqual(['Home', 'Modules', 'Orders']);
    await own.close();
    const headers = { authorization: `Bearer ${await api.tokenOf(desk.tenant, desk.email, desk.password)}`, 'x-tenant-id': desk.tenant };
    expect((await api.call('GET', '/commerce/orders', undefined, headers)).status).toBe(200);
    const refused = await api.call('GET', '/auth/users', undefined, headers);
    expect(refused).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    const write = await api.call('POST', '/commerce/products', { title: 'Not mine', handle: 'not-mine', variants: [] }, headers);
    expect(write.status).toBe(403);
  });

  it('changes a tenant role, and deletes one after asking', async () => {
    await page.getByRole('link', { name: 'Roles and their permissions' }).click();
    await roleRow('order_desk').getByRole('button', { name: 'Edit order_desk' }).click();
    await page.getByRole('heading', { name: 'Edit role order_desk' }).waitFor();
    expect(await permission('commerce.orders.read').isChecked()).toBe(true);
    await permission('commerce.products.read').check();
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the role order_desk.' }).waitFor();
    expect(await roleRow('order_desk').locator('summary').textContent()).toBe('3 permissions');
    api.expectStatus(
      'temp role',
      await api.call('PUT', '/auth/roles/temp', { permissions: ['blog.posts.read'] }, await ownerHeaders()),
      200,
    );
    await page.reload();
    await roleRow('temp').getByRole('button', { name: 'Delete temp' }).click();
    const ask = page.getByRole('group', { name: 'Delete the role temp? Its users lose it.' });
    await ask.getByRole('button', { name: 'Yes, delete' }).click();
    await roleRow('temp').waitFor({ state: 'detached' });
    expect(await roleRow('order_desk').count()).toBe(1);
  });

  it("shows a module's dependencies, and the server's refusal in that module's row", async () => {
    await page.getByRole('link', { name: 'Modules', exact: true }).click();
    const docs = page.getByRole('row').filter({ has: page.locator('strong', { hasText: /^Docs$/ }) });
    // The list loads after the click: wait for the row's second definition before reading them all.
    await docs.getByRole('definition').nth(1).waitFor();
    expect(await docs.getByRole('definition').allTextContents()).toEqual(['nothing else', 'Wiki']);
    await docs.getByRole('button', { name: 'Switch off Docs' }).click();
    const alert = docs.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('(MODULE_HAS_DEPENDENTS)');
    expect(await alert.textContent()).toContain('wiki');
    expect(await docs.getByRole('cell').nth(3).textContent()).toBe('On');
    expect(await h.violations(page)).toEqual([]);
  });

  it('speaks Russian once chosen, dates included, and still after a reload', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Пользователи', exact: true }).waitFor();
    const since = page.getByRole('row').filter({ hasText: desk.email }).getByRole('cell').nth(2);
    // "4 дек. 2026 г., 05:16": the month in Russian, the year marked with "г."
    expect(await since.textContent()).toMatch(/^\d{1,2} \p{Script=Cyrillic}+\.? \d{4} г\., \d{2}:\d{2}$/u);
    await page.reload();
    await page.getByRole('heading', { name: 'Пользователи', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
  });

  it('shows the operator the error catalogue, filtered as they type', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.getByRole('heading', { name: 'Error catalogue' }).waitFor();
    const table = page.getByTestId('error-catalogue');
    const all = await table.locator('tbody tr').count();
    expect(all).toBeGreaterThan(20);
    await page.getByLabel('Filter errors').fill('auth_role');
    await page
      .getByTestId('error-count')
      .filter({ hasText: `3 codes of ${all}` })
      .waitFor();
    expect((await table.locator('tbody tr td:first-child').allTextContents()).sort()).toEqual([
      'AUTH_ROLE_BUILT_IN',
      'AUTH_ROLE_NOT_FOUND',
      'AUTH_ROLE_NOT_GRANTABLE',
    ]);
    expect(await table.getByRole('row').filter({ hasText: 'AUTH_ROLE_NOT_FOUND' }).getByRole('cell').nth(1).textContent()).toBe('404');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Error catalogue' }).scrollIntoViewIfNeeded();
    await h.shot(page, 'admin-errors');
    await page.getByLabel('Filter errors').fill('no such code anywhere');
    await page.getByText('No error code matches the filter.').waitFor();
  });

  it('offers to switch to the tenant this browser signed in to before, with it filled in', async () => {
    await page.getByText('Switch tenant').click();
    await page.getByRole('button', { name: `Switch to ${owner.tenant}` }).click();
    await page.getByRole('heading', { name: 'Sign in to RusToK' }).waitFor();
    expect(await page.getByLabel('Shop or site').inputValue()).toBe(owner.tenant);
    await h.signIn(page, { email: owner.email, password: owner.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(owner.email);
    await page.getByText('Switch tenant').click();
    await page.getByRole('button', { name: 'Switch to default' }).waitFor();
    expect(await page.getByRole('button', { name: /^Switch to / }).allTextContents()).toEqual(['Switch to default']);
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The refused switch-off's 409 is the one error answer the browser logs by itself.
    expect(h.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });

  const ownerHeaders = async () => ({
    authorization: `Bearer ${await api.tokenOf(owner.tenant, owner.email, owner.password)}`,
    'x-tenant-id': owner.tenant,
  });
});
