import { axeViolations } from '@rustok/testing/axe';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type ShopBrowser, startShopBrowser } from './browser.js';
import { shopper, variantOf } from './shop-client.js';

const violations = axeViolations;

describeInBrowser('shop flow in a browser', () => {
  let b: ShopBrowser;
  let tee: string;
  beforeAll(async () => {
    b = await startShopBrowser();
    await b.shop.settle();
    tee = await variantOf(b.shop, 'classic-t-shirt');
    await b.shop.api('POST', '/commerce/shipping-options', { name: 'Courier', currencyCode: 'USD', amount: 500 });
  }, 120_000);
  afterAll(() => b?.close());

  /** A browser holding a cart with one T-shirt (made by a form post, its cookie handed to the browser). */
  const withCart = async (javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> => {
    const s = shopper(b.shop);
    await s.post('/cart/items', { variantId: tee, quantity: '1' });
    const context = await b.context({ javaScript });
    await context.addCookies([{ name: 'rk_cart', value: s.cookies.get('rk_cart') ?? '', url: b.originOf() }]);
    return { context, page: await context.newPage() };
  };

  const checkOut = async (page: Page, email: string): Promise<void> => {
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.locator('[name=email]').fill(email);
    await page.locator('[name=ship_name]').fill('Ada Lovelace');
    await page.locator('[name=ship_line1]').fill('12 Analytical Row');
    await page.locator('[name=ship_city]').fill('London');
    await page.locator('[name=ship_countryCode]').fill('GB');
    await page.getByRole('button', { name: 'Place order' }).click();
  };

  it('changes the quantity, checks out and shows the order number, all without JavaScript', async () => {
    const { context, page } = await withCart(false);
    await page.goto(`${b.originOf()}/cart`);
    await page.getByLabel('Quantity of Classic T-shirt').fill('2');
    await page.getByRole('button', { name: 'Update' }).click();
    expect(await page.getByLabel('Quantity of Classic T-shirt').inputValue()).toBe('2');
    await checkOut(page, 'ada@example.com');
    await expect.poll(() => page.url()).toMatch(/\/orders\/[\w-]+$/);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toMatch(/^Order #\d+$/);
    expect(await page.textContent('main')).toContain('Thank you! Your order has been placed.');
    await context.close();
  }, 60_000);

  it('shows the cart, the checkout with its errors, the order and the account without serious accessibility problems', async () => {
    const { context, page } = await withCart(true);
    await page.goto(`${b.originOf()}/cart`);
    expect(await violations(page), '/cart').toEqual([]);
    await checkOut(page, 'not-an-address');
    expect(await page.locator('#f-email-error').textContent()).toBe('Please enter a valid e-mail address.');
    expect(await violations(page), '/checkout with errors').toEqual([]);
    await page.locator('[name=email]').fill('grace@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.url()).toMatch(/\/orders\/[\w-]+$/);
    expect(await violations(page), 'order').toEqual([]);
    for (const path of ['/orders', '/account', '/ru/account']) {
      await page.goto(`${b.originOf()}${path}`);
      expect(await violations(page), path).toEqual([]);
    }
    // The 422 of the refused form is meant; no script error is.
    expect(b.problems.filter((p) => !p.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  }, 90_000);
});
