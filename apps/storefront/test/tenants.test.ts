import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';
import { createPublishedProduct, createSecondTenant, pageAt, type SecondTenant } from './second-tenant.js';

const HOST_B = 'shop-b.test';
const PRODUCT_B = 'tenant-b-kettle';
const PRODUCT_A = 'classic-t-shirt';

/** The product handles a page links to. */
const handlesIn = (html: string): string[] => [...html.matchAll(/href="(?:\/[a-z]{2})?\/products\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? '');

describe('tenants on their own hosts', () => {
  let shop: ShopHarness;
  let b: SecondTenant;
  let hostA: string;
  beforeAll(async () => {
    shop = await startShop();
    hostA = new URL(shop.server.address).host;
    b = await createSecondTenant(shop, 'shop-b', HOST_B);
    await createPublishedProduct(shop, b.headers, { title: 'Tenant B kettle', handle: PRODUCT_B, usd: 3900 });
    await shop.settle();
  });
  afterAll(() => shop?.close());

  it("shows tenant B's catalog, and only it, on B's domain: home and search", async () => {
    for (const path of ['/', '/search']) {
      const page = await pageAt(shop, path, HOST_B);
      expect(page.status, path).toBe(200);
      const handles = handlesIn(page.text);
      expect(handles, path).toContain(PRODUCT_B);
      expect(
        handles.filter((handle) => handle !== PRODUCT_B),
        path,
      ).toEqual([]);
      expect(page.text, path).toContain('Shop shop-b');
    }
  });

  it("shows the default tenant's catalog on 127.0.0.1, never B's", async () => {
    for (const path of ['/', '/search']) {
      const page = await pageAt(shop, path, hostA);
      expect(page.status, path).toBe(200);
      const handles = handlesIn(page.text);
      expect(handles, path).toContain(PRODUCT_A);
      expect(handles, path).not.toContain(PRODUCT_B);
      expect(page.text, path).not.toContain('Tenant B kettle');
    }
  });

  it("answers 404 for a product of one tenant under the other's host, both ways", async () => {
    const aUnderB = await pageAt(shop, `/products/${PRODUCT_A}`, HOST_B);
    expect(aUnderB.status).toBe(404);
    expect(aUnderB.type).toContain('text/html');
    expect(aUnderB.text).not.toContain('Classic T-shirt');
    const bUnderA = await pageAt(shop, `/products/${PRODUCT_B}`, hostA);
    expect(bUnderA.status).toBe(404);
    expect(bUnderA.text).not.toContain('Tenant B kettle');
    expect((await pageAt(shop, `/products/${PRODUCT_B}`, HOST_B)).status).toBe(200);
  });

  it("answers 404 for a post of the default tenant under B's host, and B's sitemap names none of A's content", async () => {
    const ofA = await pageAt(shop, '/blog/welcome-to-rustok', hostA);
    expect(ofA.status).toBe(200);
    const underB = await pageAt(shop, '/blog/welcome-to-rustok', HOST_B);
    expect(underB.status).toBe(404);
    expect(underB.text).not.toContain('Welcome to RusToK');
    const sitemap = await pageAt(shop, '/sitemap.xml', HOST_B);
    expect(sitemap.text).not.toContain('welcome-to-rustok');
    expect(sitemap.text).not.toContain(PRODUCT_A);
  });

  it('keeps the page cache apart per tenant: the same address cached for A is not answered for B', async () => {
    const path = '/search?sort=newest';
    const ofA = await pageAt(shop, path, hostA);
    expect(handlesIn(ofA.text)).toContain(PRODUCT_A);
    const ofB = await pageAt(shop, path, HOST_B);
    expect(handlesIn(ofB.text)).toEqual(expect.arrayContaining([PRODUCT_B]));
    expect(handlesIn(ofB.text)).not.toContain(PRODUCT_A);
  });

  it("never shows B's catalog on a host no tenant has (development resolution falls back to the default tenant)", async () => {
    const page = await pageAt(shop, '/', 'unknown-shop.test');
    expect(handlesIn(page.text)).not.toContain(PRODUCT_B);
    expect(page.text).not.toContain('Shop shop-b');
  });

  it('shows the demo storefront settings of the default tenant: its tagline, colours and rouble prices on Russian pages', async () => {
    const settings = await shop.api<{ storefront: Record<string, unknown> }>('GET', '/store/settings', undefined, {});
    expect(settings.body.storefront).toMatchObject({ tagline: 'Everyday goods, made to last', localeCurrencies: { ru: 'RUB' } });
    const home = await pageAt(shop, '/', hostA);
    expect(home.text).toContain('Everyday goods, made to last');
    expect(home.text).toContain('#1f5f4a');
    const ru = await pageAt(shop, '/ru', hostA);
    expect(ru.text).toMatch(/1\s490,00\s₽/);
  });
});
