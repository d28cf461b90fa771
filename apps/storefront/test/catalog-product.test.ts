import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

type Json = Record<string, unknown>;

/** The JSON-LD objects of a page, parsed. */
const jsonLdOf = (html: string): Json[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Json);

const byType = (html: string, type: string): Json => {
  const found = jsonLdOf(html).find((data) => data['@type'] === type);
  if (!found) throw new Error(`no ${type} JSON-LD`);
  return found;
};

/** The variant radios of a page: value, checked, disabled. */
const radiosOf = (html: string) =>
  [...html.matchAll(/<input type="radio" name="variantId" value="([^"]+)"([^>]*)\/>/g)].map((m) => ({
    id: m[1] ?? '',
    checked: /\bchecked\b/.test(m[2] ?? ''),
    disabled: /\bdisabled\b/.test(m[2] ?? ''),
  }));

const SCHEMA_AVAILABILITY = ['https://schema.org/InStock', 'https://schema.org/OutOfStock', 'https://schema.org/BackOrder'];

describe('catalog: /products/:handle', () => {
  let shop: ShopHarness;
  let mixed: { id: string; variants: { id: string; title: string }[] };
  beforeAll(async () => {
    shop = await startShop();
    const usdOnly = (amount: number) => [{ amount, currencyCode: 'USD' }];
    const created = await shop.api<typeof mixed>('POST', '/commerce/products', {
      title: 'Wool scarf',
      handle: 'wool-scarf',
      status: 'published',
      description: `A warm scarf. ${'Knitted from merino wool, long enough to wrap twice. '.repeat(6)}`,
      seoTitle: 'Merino wool scarf | Demo shop',
      variants: [
        { title: 'Grey', sku: 'SCARF-GREY', options: { colour: 'grey' }, prices: usdOnly(3500), inventory: 4 },
        { title: 'Red', sku: 'SCARF-RED', options: { colour: 'red' }, prices: usdOnly(3600), inventory: 0, manageInventory: true },
        {
          title: 'Blue',
          sku: 'SCARF-BLUE',
          options: { colour: 'blue' },
          prices: usdOnly(3700),
          inventory: 0,
          manageInventory: true,
          allowBackorder: true,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    mixed = created.body;
    await shop.settle();
  });
  afterAll(() => shop?.close());

  it('shows title, description, gallery with sized images, variants with prices and an add-to-cart form', async () => {
    const response = await shop.page('/products/classic-t-shirt');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    // Browsers send the page's own Origin with its form posts (under no-referrer they send `null`).
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const html = await response.text();
    expect(html).toContain('<h1>Classic T-shirt</h1>');
    expect(html).toContain('<p>A soft everyday T-shirt.</p>');
    expect(html).toContain('<form class="add-to-cart" method="post" action="/cart/items">');
    expect(html).toContain('<input type="number" name="quantity" value="1"');
    const radios = radiosOf(html);
    expect(radios).toHaveLength(3);
    expect(radios.filter((r) => r.checked)).toHaveLength(1);
    expect(html.match(/<span class="variant-price">\$19\.00<\/span>/g)).toHaveLength(3);
    expect(html).toContain('<div data-island="variant-picker"');
    const images = html.match(/<img\b[^>]*>/g) ?? [];
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img).toMatch(/width="\d+"[^>]*height="\d+"/);
    expect(html).toMatch(/<img class="gallery-main" src="https:\/\/images\.example\.com\/demo\/t-shirt\.jpg" alt="Classic T-shirt"/);
  });

  it('shows variants, stock and prices in Russian with roubles under /ru (the locale currency of the demo settings)', async () => {
    const settings = await shop.api<{ storefront: { localeCurrencies?: Record<string, string> } }>('GET', '/store/settings', undefined, {});
    expect(settings.body.storefront.localeCurrencies?.ru).toBe('RUB');
    const html = await (await shop.page('/ru/products/classic-t-shirt')).text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Классическая футболка');
    expect(html).toMatch(/<span class="variant-price">1\s490,00\s₽<\/span>/);
    expect(html).toContain('<span class="variant-stock">В наличии</span>');
    expect(html).toContain('Выберите вариант');
    expect(html).toContain('В корзину</button>');
    expect(html).toContain('<form class="add-to-cart" method="post" action="/ru/cart/items">');
  });

  it('disables the radio of a sold-out variant, shows backorder, and says when the page currency has no price', async () => {
    const html = await (await shop.page('/ru/products/wool-scarf')).text();
    const [grey, red, blue] = mixed.variants;
    const radios = radiosOf(html);
    expect(radios.find((r) => r.id === red?.id)).toMatchObject({ disabled: true, checked: false });
    expect(radios.find((r) => r.id === grey?.id)).toMatchObject({ disabled: false, checked: true });
    expect(radios.find((r) => r.id === blue?.id)).toMatchObject({ disabled: false });
    expect(html).toContain('<span class="variant-stock">Нет в наличии</span>');
    expect(html).toContain('<span class="variant-stock">Под заказ</span>');
    // Priced in dollars only: the Russian page shows dollars and says so.
    expect(html).toContain('В валюте RUB не продаётся; цена указана в USD.');
    expect(html).toMatch(/<span class="variant-price">35,00\s\$<\/span>/);
    const ld = byType(html, 'Product');
    const offers = ld.offers as Json[];
    expect(offers.map((o) => [o.sku, o.availability, o.price, o.priceCurrency])).toEqual([
      ['SCARF-GREY', 'https://schema.org/InStock', '35.00', 'USD'],
      ['SCARF-RED', 'https://schema.org/OutOfStock', '36.00', 'USD'],
      ['SCARF-BLUE', 'https://schema.org/BackOrder', '37.00', 'USD'],
    ]);
  });

  it('takes the head from the SEO fields (else the title and the first 160 characters), Open Graph product', async () => {
    const scarf = await (await shop.page('/products/wool-scarf')).text();
    expect(scarf).toContain('<title>Merino wool scarf | Demo shop</title>');
    const description = /<meta name="description" content="([^"]*)"/.exec(scarf)?.[1] ?? '';
    expect(description.startsWith('A warm scarf. Knitted from merino wool')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(scarf).toContain('<meta property="og:type" content="product"/>');
    // No images: a placeholder of the gallery's size, no <img>.
    expect(scarf).toContain('<div class="gallery-placeholder" role="img"');
    const tee = await (await shop.page('/products/classic-t-shirt')).text();
    expect(tee).toContain('<title>Classic T-shirt</title>');
    expect(tee).toContain('<meta name="description" content="A soft everyday T-shirt."/>');
    expect(tee).toContain('<meta property="og:image" content="https://images.example.com/demo/t-shirt.jpg"/>');
  });

  it('describes the product in JSON-LD: Product with an Offer per variant and a BreadcrumbList Home → Catalog → product', async () => {
    const html = await (await shop.page('/ru/products/classic-t-shirt')).text();
    const origin = shop.server.address;
    const product = byType(html, 'Product');
    expect(product['@context']).toBe('https://schema.org');
    expect(product.name).toBe('Классическая футболка');
    expect(product.url).toBe(`${origin}/ru/products/classic-t-shirt`);
    expect(product.image).toEqual(['https://images.example.com/demo/t-shirt.jpg']);
    const offers = product.offers as Json[];
    expect(offers).toHaveLength(3);
    for (const offer of offers) {
      expect(offer['@type']).toBe('Offer');
      expect(offer.price).toMatch(/^\d+(\.\d+)?$/);
      expect(offer.price).toBe('1490.00');
      expect(offer.priceCurrency).toBe('RUB');
      expect(SCHEMA_AVAILABILITY).toContain(offer.availability);
      expect(offer.url).toBe(`${origin}/ru/products/classic-t-shirt`);
      expect(offer.sku).toMatch(/^DEMO-TEE-/);
    }
    const trail = byType(html, 'BreadcrumbList');
    const items = trail.itemListElement as Json[];
    expect(items.map((item) => [item['@type'], item.position, item.item])).toEqual([
      ['ListItem', 1, `${origin}/ru`],
      ['ListItem', 2, `${origin}/ru/search`],
      ['ListItem', 3, `${origin}/ru/products/classic-t-shirt`],
    ]);
    expect(items.map((item) => item.name)).toEqual(['Главная', 'Каталог', 'Классическая футболка']);
  });

  it('loads at most 60 kB (gzip) of JavaScript: the island scripts and the chunks they import', async () => {
    const html = await (await shop.page('/products/classic-t-shirt')).text();
    const scripts = [...html.matchAll(/<script type="module" src="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    const queue = [...scripts];
    let total = 0;
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await shop.page(path);
      expect(response.status, path).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      total += gzipSync(body).byteLength;
      for (const m of body.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) queue.push(`/assets/${m[1]}`);
    }
    console.info(`product page JavaScript: ${seen.size} files, ${total} bytes gzip`);
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThanOrEqual(60 * 1024);
  });

  it('posts the chosen variantId and quantity to the cart', async () => {
    const html = await (await shop.page('/products/classic-t-shirt')).text();
    const variantId = radiosOf(html).find((r) => r.checked)?.id ?? '';
    const origin = shop.server.address;
    const response = await fetch(`${origin}/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ variantId, quantity: '2', back: '/products/classic-t-shirt' }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/cart/);
    expect(response.headers.get('location')).not.toContain('error=');
    expect(response.headers.get('set-cookie')).toContain('rk_cart=');
  });

  it('answers an unknown handle with the 404 page in HTML, in the locale of the address', async () => {
    const response = await shop.page('/products/no-such-product');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<h1>Page not found</h1>');
    const ru = await shop.page('/ru/products/NOT_A_HANDLE');
    expect(ru.status).toBe(404);
    expect(await ru.text()).toContain('Страница не найдена');
  });
});
