import { axeViolations } from '@rustok/testing/axe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type ShopBrowser, startShopBrowser } from './browser.js';

const violations = axeViolations;

describeInBrowser('catalog in a browser', () => {
  let b: ShopBrowser;
  beforeAll(async () => {
    b = await startShopBrowser();
    const usd = (amount: number) => [{ amount, currencyCode: 'USD' }];
    const created = await b.shop.api('POST', '/commerce/products', {
      title: 'Linen apron',
      handle: 'linen-apron',
      status: 'published',
      categories: ['kitchen'],
      variants: [
        { title: 'Natural', prices: usd(2400), inventory: 50 },
        { title: 'Charcoal', prices: usd(2600), inventory: 0, manageInventory: true, allowBackorder: true },
        { title: 'Rust', prices: usd(2800), inventory: 0, manageInventory: true },
      ],
    });
    expect(created.status).toBe(201);
    await b.shop.settle();
  }, 120_000);
  afterAll(() => b?.close());

  it('hydrates the variant picker: choosing a variant shows its price and stock; no script errors', async () => {
    const context = await b.context();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${b.originOf()}/products/linen-apron`);
    const price = page.locator('[data-shown="price"]');
    const stock = page.locator('[data-shown="stock"]');
    expect(await price.textContent()).toBe('$24.00');
    expect(await page.getByRole('radio', { name: /Rust/ }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /Charcoal/ }).check();
    await expect.poll(() => price.textContent()).toBe('$26.00');
    expect(await stock.textContent()).toBe('Available to order');
    await page.getByRole('radio', { name: /Natural/ }).check();
    await expect.poll(() => price.textContent()).toBe('$24.00');
    expect(await stock.textContent()).toBe('In stock');
    expect(await violations(page)).toEqual([]);
    await page.goto(`${b.originOf()}/search?q=apron`);
    expect(await violations(page)).toEqual([]);
    // The browser asks for /favicon.ico on its own (the shop has none): its 404 is the only failure allowed.
    expect(failed.filter((f) => f !== '404 /favicon.ico')).toEqual([]);
    expect(b.problems.filter((p) => !p.includes('404 (Not Found)'))).toEqual([]);
    await context.close();
  });

  it('without JavaScript: a search with a typo, a facet, the product, a variant, into the cart', async () => {
    const context = await b.context({ javaScript: false });
    const page = await context.newPage();
    await page.goto(`${b.originOf()}/search`);
    const filters = page.locator('form.filters');
    await filters.getByLabel('Search').fill('linen apronn');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=linen\+apronn/);
    expect(await page.locator('li.card h3').allTextContents()).toContain('Linen apron');
    await page.goto(`${b.originOf()}/search`);
    await page
      .locator('form.filters')
      .getByRole('radio', { name: /kitchen/ })
      .check();
    await page.locator('form.filters').getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/category=kitchen/);
    expect((await page.locator('li.card h3').allTextContents()).sort()).toEqual(['Ceramic mug', 'Linen apron']);
    await page.getByRole('link', { name: 'Linen apron' }).click();
    await page.getByRole('radio', { name: /Charcoal/ }).check();
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart/);
    const cart = await page.locator('main').textContent();
    expect(cart).toContain('Linen apron');
    expect(cart).toContain('$52.00');
    await context.close();
  });
});
