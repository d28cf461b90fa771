import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type ShopBrowser, startShopBrowser } from './browser.js';
import { createPublishedProduct, createSecondTenant } from './second-tenant.js';

const HOST_B = 'shop-b.test';

/** Failures the demo data brings by itself: its product images live on an example host, and browsers ask for /favicon.ico. */
const expected = (problem: string): boolean => /images\.example\.com|favicon|ERR_NAME_NOT_RESOLVED|404 \(Not Found\)/.test(problem);

// The whole way of a shopper on the demo shop, with JavaScript on: browse, a misspelt search, a
// facet, the product, a variant, the cart, the checkout and the order's confirmation; then a Russian
// page, and two tenants each on its own host.
describeInBrowser('storefront: a shopper’s journey in a browser', () => {
  let b: ShopBrowser;
  beforeAll(async () => {
    b = await startShopBrowser([HOST_B]);
    await b.shop.api('POST', '/commerce/shipping-options', { name: 'Courier', currencyCode: 'USD', amount: 500 });
    const tenantB = await createSecondTenant(b.shop, 'shop-b', HOST_B);
    await createPublishedProduct(b.shop, tenantB.headers, { title: 'Tenant B kettle', handle: 'tenant-b-kettle', usd: 3900 });
    await b.shop.settle();
  }, 120_000);
  afterAll(() => b?.close());

  it('browses, finds a misspelt product, narrows by a facet, picks a variant, checks out and sees the order number', async () => {
    const context = await b.context();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${b.originOf()}/`);
    expect(await page.locator('li.card h3').allTextContents()).toContain('Canvas backpack');
    await page.locator('header').getByRole('searchbox').fill('bakcpack');
    await page.locator('header').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=bakcpack/);
    expect(await page.locator('li.card h3').allTextContents()).toContain('Canvas backpack');
    const filters = page.locator('form.filters');
    await filters.getByRole('radio', { name: /bags/ }).check();
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/category=bags/);
    expect(await page.locator('li.card h3').allTextContents()).toEqual(['Canvas backpack']);
    await page.getByRole('link', { name: 'Canvas backpack' }).click();
    await page.waitForURL(/\/products\/canvas-backpack$/);
    // Seen again, the page comes back as 304 from the page cache: the browser keeps that answer's headers.
    await page.reload();
    await page.getByRole('radio', { name: /Black/ }).check();
    await expect.poll(() => page.locator('[data-shown="stock"]').textContent()).toBe('Available to order');
    await page.getByRole('radio', { name: /Olive/ }).check();
    await expect.poll(() => page.locator('[data-shown="stock"]').textContent()).toBe('In stock');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart$/);
    expect(await page.locator('main').textContent()).toContain('Canvas backpack');
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.locator('[name=email]').fill('journey@example.com');
    await page.locator('[name=ship_name]').fill('Grace Hopper');
    await page.locator('[name=ship_line1]').fill('1 Compiler Lane');
    await page.locator('[name=ship_city]').fill('Arlington');
    await page.locator('[name=ship_countryCode]').fill('US');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/[\w-]+$/);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(heading).toMatch(/^Order #\d+$/);
    const orders = await b.shop.api<{ items: { displayId: number; email: string }[] }>('GET', '/commerce/orders?q=journey@example.com');
    expect(orders.body.items.map((o) => `Order #${o.displayId}`)).toEqual([heading]);
    expect(b.problems.filter((p) => !expected(p))).toEqual([]);
    // The pages name their icon, so the browser asks for no /favicon.ico (each would be a 404 page to render).
    expect(asked.filter((path) => path === '/favicon.ico')).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows a Russian page in Russian, with prices in roubles', async () => {
    const context = await b.context({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${b.originOf()}/ru/products/classic-t-shirt`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Классическая футболка');
    expect(await page.locator('[data-shown="price"]').textContent()).toContain('₽');
    expect(await page.getByRole('button', { name: 'В корзину' }).count()).toBe(1);
    await context.close();
  });

  it('shows each tenant its own catalog on its own host', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`${b.originOf(HOST_B)}/search`);
    expect(await page.locator('li.card h3').allTextContents()).toEqual(['Tenant B kettle']);
    expect(await page.locator('header .brand').textContent()).toBe('Shop shop-b');
    await page.goto(`${b.originOf()}/search`);
    const ofDefault = await page.locator('li.card h3').allTextContents();
    expect(ofDefault).toContain('Classic T-shirt');
    expect(ofDefault).not.toContain('Tenant B kettle');
    await context.close();
  });
});
