import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// A form checks what it would send against the server's own request schema before sending: a
// product title longer than the schema allows is refused in the page, in the UI's language, with
// no request made; once it fits, the product is created.
describeInEmbeddedBrowser('admin app: forms checked against the API contract', (backend) => {
  let h: AdminHarness;
  let page: Page;
  const owner = { tenant: 'linden', email: 'owner@linden.example.com', password: 'Linden-shop-pass-1' };
  const writes: string[] = [];

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    await apiOf(h).tenantWithOwner(owner.tenant, owner);
    page = await h.open('/admin/sign-in');
    page.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  const fillProduct = async (title: string) => {
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Variant 1 title').fill('One size');
    await page.getByLabel('Variant 1 price').fill('12.50');
  };

  it('refuses a title longer than the schema allows without asking the server, in Russian too', async () => {
    await page.goto(`${h.server.address}/admin/products/new`);
    await page.getByRole('heading', { name: 'New product' }).waitFor();
    await fillProduct('T'.repeat(501));
    const before = writes.length;
    await page.getByRole('button', { name: 'Create product' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('(VALIDATION_FAILED)');
    expect(await alert.getByRole('listitem').allTextContents()).toEqual(['title: must have at most 500 characters']);
    expect(writes.slice(before).filter((w) => !w.endsWith('/auth/refresh'))).toEqual([]);
    expect(await h.violations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('button', { name: 'Создать товар' }).click();
    await page.getByRole('alert').getByText('title: не длиннее 500 символов').waitFor();
    expect(writes.slice(before)).toEqual([]);
    await page.getByLabel('Язык').selectOption('en');
  });

  it('sends the product once it fits', async () => {
    await fillProduct('Linden honey');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Linden honey' }).waitFor();
    expect(writes.some((w) => w === 'POST /api/v1/commerce/products' || w === 'POST /graphql')).toBe(true);
  });

  it('ran with no script error', () => {
    expect(h.problems).toEqual([]);
  });
});
