import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

interface ApiVariant {
  id: string;
  title: string;
  sku: string | null;
  options: Record<string, string>;
  available: number;
  prices: { amount: number; currencyCode: string }[];
}

// A product edited in the admin app (SEO, a category, a Russian translation, a new variant with
// prices and stock), a price list with a price, and a bulk +10 % on two products — each change read
// back through the REST API.
describeInEmbeddedBrowser('admin app: product edit, price lists, bulk prices', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let staff: Record<string, string>;
  const ids: Record<string, string> = {};
  const owner = { tenant: 'flax', email: 'owner@flax.example.com', password: 'Flax-shop-pass-1' };

  const create = async (title: string, handle: string, sku: string, amount: number) => {
    const body = { title, handle, variants: [{ title: 'One size', sku, prices: [{ amount, currencyCode: 'USD' }], inventory: 4 }] };
    ids[title] = String(api.expectStatus(title, await api.call('POST', '/commerce/products', body, staff), 201).body.id);
  };
  const product = async (title: string, locale = '') =>
    (await api.call('GET', `/commerce/products/${ids[title]}${locale ? `?locale=${locale}` : ''}`, undefined, staff)).body;
  const variantsOf = async (title: string) => (await product(title)).variants as ApiVariant[];
  const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    staff = await api.tenantWithOwner(owner.tenant, owner);
    await create('Wool Hat', 'wool-hat', 'WH-1', 1000);
    await create('Wool Scarf', 'wool-scarf', 'WS-1', 2000);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  it('edits the SEO texts, a category and a Russian translation, read back in Russian through the API', async () => {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('link', { name: 'Wool Scarf', exact: true }).click();
    await page.getByRole('heading', { name: 'Wool Scarf', level: 1 }).waitFor();
    await page.getByLabel('SEO title').fill('Warm wool scarf');
    await page.getByLabel('SEO description').fill('A scarf of merino wool.');
    await page.getByLabel('New entry of Categories').fill('Winter');
    await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save product' }).click();
    await status('Product saved.');
    const russian = page.getByRole('group', { name: 'Russian (ru)' });
    await russian.getByLabel('Title', { exact: true }).fill('Шерстяной шарф');
    await russian.getByLabel('Description').fill('Шарф из шерсти мериноса.');
    await russian.getByRole('button', { name: 'Save Russian translation' }).click();
    await status('Translation saved.');
    await russian.getByRole('button', { name: 'Remove Russian translation' }).waitFor();
    const ru = await product('Wool Scarf', 'ru');
    expect([ru.title, ru.description, ru.seoTitle, ru.seoDescription, ru.categories]).toEqual([
      'Шерстяной шарф',
      'Шарф из шерсти мериноса.',
      'Warm wool scarf',
      'A scarf of merino wool.',
      ['Winter'],
    ]);
    expect((await product('Wool Scarf', 'en')).title).toBe('Wool Scarf');
  });

  it('shows the server’s refusal of a handle another product has, with its code', async () => {
    await page.getByLabel('Handle', { exact: true }).fill('wool-hat');
    await page.getByRole('button', { name: 'Save product' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\([A-Z_]+\)/);
    await page.getByLabel('Handle', { exact: true }).fill('wool-scarf');
    await page.getByRole('button', { name: 'Save product' }).click();
    await alert.waitFor({ state: 'detached' });
    expect((await product('Wool Scarf')).handle).toBe('wool-scarf');
  });

  it('adds a variant with options, prices in two currencies and stock', async () => {
    const fresh = page.getByRole('group', { name: 'New variant' });
    await fresh.getByLabel('Title of the new variant').fill('Large');
    await fresh.getByLabel('SKU of the new variant').fill('WS-L');
    await fresh.getByLabel('Options of the new variant').fill('size: L');
    await fresh.getByLabel('Price of the new variant').fill('24.50');
    await fresh.getByLabel('Stock of the new variant').fill('7');
    await fresh.getByRole('button', { name: 'Add variant' }).click();
    const large = page.getByRole('group', { name: 'Variant: Large' });
    await large.waitFor();
    await large.getByRole('button', { name: 'Add a price' }).click();
    await large.getByLabel('Price 2 amount').fill('22.00');
    await large.getByLabel('Price 2 currency').fill('EUR');
    await large.getByRole('button', { name: 'Save prices' }).click();
    await status('Prices saved.');
    await large.getByLabel('Units in stock').fill('9');
    await large.getByRole('button', { name: 'Save stock' }).click();
    await status('Stock saved.');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Variants', exact: true }).scrollIntoViewIfNeeded();
    await h.shot(page, 'admin-product');
    const added = (await variantsOf('Wool Scarf')).find((v) => v.title === 'Large');
    expect([added?.sku, added?.options, added?.available]).toEqual(['WS-L', { size: 'L' }, 9]);
    expect(added?.prices.map((p) => [p.amount, p.currencyCode])).toEqual([
      [2200, 'EUR'],
      [2450, 'USD'],
    ]);
    const stock = await api.call('GET', `/commerce/inventory/${added?.id}`, undefined, staff);
    expect(stock.body.available).toBe(9);
  });

  it('creates a price list with a price for a variant found by its product', async () => {
    await page.getByRole('link', { name: 'Price lists', exact: true }).click();
    await page.getByText('No price lists yet.').waitFor();
    await page.getByLabel('Name').fill('Winter sale');
    await page.getByRole('button', { name: 'Create price list' }).click();
    await page.getByRole('heading', { name: 'Winter sale', level: 1 }).waitFor();
    await page.getByLabel('Find a product').fill('Hat');
    const option = 'Wool Hat · One size (WH-1)';
    await page.getByRole('option', { name: option }).waitFor({ state: 'attached' });
    await page.getByLabel('Variant', { exact: true }).selectOption({ label: option });
    await page.getByRole('button', { name: 'Add to the list' }).click();
    await page.getByLabel(`Amount for ${option}`).fill('8.00');
    await page.getByRole('button', { name: 'Save prices' }).click();
    await status('Prices saved.');
    expect(await h.violations(page)).toEqual([]);
    const listId = page.url().split('/').at(-1);
    const list = (await api.call('GET', `/commerce/price-lists/${listId}`, undefined, staff)).body;
    const prices = list.prices as { variantId: string; amount: number; currencyCode: string }[];
    const hat = (await variantsOf('Wool Hat'))[0];
    expect([list.name, list.kind, list.active]).toEqual(['Winter sale', 'sale', true]);
    expect(prices.map((p) => [p.variantId, p.amount, p.currencyCode])).toEqual([[hat?.id, 800, 'USD']]);
    await page.getByRole('link', { name: 'All price lists' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Winter sale' }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Winter sale',
      'sale (cheaper while it runs)',
      'always',
      'yes',
      '1 price',
    ]);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-price-lists');
  });

  it('raises every base price of two selected products by 10 %', async () => {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByLabel('Select Wool Hat').check();
    await page.getByLabel('Select Wool Scarf').check();
    await page.getByText('2 selected').waitFor();
    await page.getByLabel('Change prices by (%)').fill('10');
    await page.getByRole('button', { name: 'Change prices of selected' }).click();
    await status('Done for 2 products.');
    expect(await h.violations(page)).toEqual([]);
    const amounts = async (title: string) => (await variantsOf(title)).map((v) => v.prices.map((p) => `${p.amount} ${p.currencyCode}`));
    expect(await amounts('Wool Hat')).toEqual([['1100 USD']]);
    expect(await amounts('Wool Scarf')).toEqual([['2200 USD'], ['2420 EUR', '2695 USD']]);
  });

  it('shows an editor the product read-only, and no price lists or price change', async () => {
    const editor = { tenant: owner.tenant, email: 'editor@flax.example.com', password: owner.password };
    const user = { email: editor.email, password: editor.password, roles: ['editor'] };
    api.expectStatus('editor', await api.call('POST', '/auth/users', user, staff), 201);
    const own = await h.open('/admin/sign-in');
    await h.signIn(own, editor);
    await own.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(await own.getByRole('link', { name: 'Price lists', exact: true }).count()).toBe(0);
    await own.getByRole('link', { name: 'Products', exact: true }).click();
    await own.getByRole('link', { name: 'Wool Scarf', exact: true }).waitFor();
    expect(await own.getByRole('button', { name: 'Change prices of selected' }).count()).toBe(0);
    await own.getByRole('link', { name: 'Wool Scarf', exact: true }).click();
    await own.getByRole('heading', { name: 'Wool Scarf', level: 1 }).waitFor();
    await own.getByText('22.00 USD').or(own.getByText('$22.00')).first().waitFor();
    for (const name of ['Save product', 'Publish', 'Save Russian translation', 'Save variant', 'Save prices', 'Save stock', 'Add variant'])
      expect(await own.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await own.getByLabel('SEO title').isDisabled()).toBe(true);
    expect(await h.violations(own)).toEqual([]);
    await own.close();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The refused handle is the one error answer the browser logs by itself.
    expect(h.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
