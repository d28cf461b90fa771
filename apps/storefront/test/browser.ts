import { CHROMIUM, chromiumLaunchOptions, hasChromium as hasChromiumHere } from '@rustok/testing/chromium';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

export const hasChromium = hasChromiumHere();
if (!hasChromium) console.warn(`[rustok tests] storefront browser suites skipped: no Chromium at ${CHROMIUM}`);

/** A storefront browser suite (embedded database); skipped, saying why, without Chromium. */
export const describeInBrowser = (title: string, body: () => void): void => {
  if (hasChromium) describe(title, body);
  else describe.skip(`${title} [no Chromium at ${CHROMIUM}]`, body);
};

export interface ShopBrowser {
  readonly shop: ShopHarness;
  /** The shop's origin as the browser reaches it: `http://<host>:<port>`. */
  originOf(host?: string): string;
  /** A fresh browser context (its own cookies), with or without JavaScript. */
  context(options?: { javaScript?: boolean; locale?: string }): Promise<BrowserContext>;
  /** Script errors and failed requests the pages reported. */
  readonly problems: string[];
  close(): Promise<void>;
}

/**
 * The real server with the demo data and Debian's Chromium, which resolves the extra hosts given
 * (custom domains of test tenants) to the server's loopback address.
 */
export const startShopBrowser = async (hosts: readonly string[] = []): Promise<ShopBrowser> => {
  const shop = await startShop();
  const launch = chromiumLaunchOptions();
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1`).join(',');
  const browser: Browser = await chromium.launch({
    ...launch,
    args: [...launch.args, ...(rules ? [`--host-resolver-rules=${rules}`] : [])],
  });
  const port = new URL(shop.server.address).port;
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
  };
  return {
    shop,
    problems,
    originOf: (host = '127.0.0.1') => `http://${host}:${port}`,
    context: async ({ javaScript = true, locale = 'en-US' } = {}) => {
      const context = await browser.newContext({ javaScriptEnabled: javaScript, locale });
      context.on('page', watch);
      return context;
    },
    close: async () => {
      await browser.close();
      await shop.close();
    },
  };
};
