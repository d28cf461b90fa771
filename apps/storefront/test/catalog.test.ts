import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

/** The product handles a page's cards link to, in order. */
const cardsIn = (html: string): string[] => [...html.matchAll(/<li class="card" data-product="([a-z0-9-]+)"/g)].map((m) => m[1] ?? '');

/** The href of the page's "next page" link, entities decoded. */
const nextHref = (html: string): string | undefined => /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('catalog: /search', () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShop();
    // More products than one page holds (24), all in one category, so keyset pages can be walked.
    for (let i = 0; i < 26; i++) {
      const prices = [
        { amount: 300 + i, currencyCode: 'USD' },
        { amount: 30_000 + i, currencyCode: 'RUB' },
      ];
      const created = await shop.api('POST', '/commerce/products', {
        title: `Pager pencil ${i}`,
        handle: `pager-pencil-${i}`,
        status: 'published',
        categories: ['stationery'],
        variants: [{ title: 'Default', prices, inventory: 5 }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    await shop.settle();
  });
  afterAll(() => shop?.close());

  it('finds the demo T-shirt for a misspelt search and says it shows the closest matches', async () => {
    const response = await shop.page('/search?q=clasic+tshrt');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(cardsIn(html)).toContain('classic-t-shirt');
    expect(html).toContain('showing closest matches');
    expect(html).toContain('value="clasic tshrt"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const exact = await (await shop.page('/search?q=mug')).text();
    expect(cardsIn(exact)).toEqual(['ceramic-mug']);
    expect(exact).not.toContain('showing closest matches');
  });

  it('says so when nothing matches, in the page locale', async () => {
    const html = await (await shop.page('/search?category=no-such-category')).text();
    expect(cardsIn(html)).toEqual([]);
    expect(html).toContain('No products match.');
    const ru = await (await shop.page('/ru/search?category=no-such-category')).text();
    expect(ru).toContain('Подходящих товаров нет.');
  });

  it('shows the facets as a GET form (category, tag, price in the page currency, in stock), and a facet narrows the list', async () => {
    const all = await (await shop.page('/search')).text();
    expect(all).toMatch(/<form class="filters" method="get" action="\/search"/);
    expect(all).toContain('<input type="radio" name="category" value="kitchen"/> kitchen<span class="muted"> (1)</span>');
    expect(all).toContain('<input type="radio" name="tag" value="cotton"/>');
    expect(all).toContain('<input type="radio" name="price" value="-2500"/> Under $25.00');
    expect(all).toContain('<input type="checkbox" name="inStock" value="1"/>');
    expect(all).toMatch(/<select name="sort">.*<option value="price_asc">/);
    const kitchen = await (await shop.page('/search?category=kitchen')).text();
    expect(cardsIn(kitchen)).toEqual(['ceramic-mug']);
    expect(kitchen).toContain('<input type="radio" name="category" value="kitchen" checked/>');
    const tagged = cardsIn(await (await shop.page('/search?tag=cotton')).text());
    expect(tagged).toEqual(['classic-t-shirt']);
    // A price bucket (minor units of the page currency: min ≤ price < max).
    const cheap = cardsIn(await (await shop.page('/search?price=1000-2500&category=kitchen')).text());
    expect(cheap).toEqual(['ceramic-mug']);
    const dear = cardsIn(await (await shop.page('/search?price=5000-10000')).text());
    expect(dear).toEqual(['canvas-backpack']);
    // Russian pages price in roubles: the buckets are roubles too.
    const ru = await (await shop.page('/ru/search')).text();
    expect(ru).toMatch(/name="price" value="50000-"\/> От 500,00\s₽/);
  });

  it('sorts by price and walks keyset pages with the API cursor (no offsets), each product once', async () => {
    const first = await (await shop.page('/search?category=stationery&sort=price_asc')).text();
    const firstCards = cardsIn(first);
    expect(firstCards).toHaveLength(24);
    expect(firstCards.slice(0, 3)).toEqual(['pager-pencil-0', 'pager-pencil-1', 'pager-pencil-2']);
    const next = nextHref(first);
    expect(next).toMatch(/^\/search\?category=stationery&sort=price_asc&cursor=[\w-]+$/);
    expect(next).not.toMatch(/offset|page=/);
    const second = await (await shop.page(next ?? '')).text();
    expect(cardsIn(second)).toEqual(['pager-pencil-24', 'pager-pencil-25']);
    expect(nextHref(second)).toBeUndefined();
    expect(second).toContain('First page');
    const descending = cardsIn(await (await shop.page('/search?category=stationery&sort=price_desc')).text());
    expect(descending[0]).toBe('pager-pencil-25');
  });

  it('shows a notice, not an error, for a cursor the API refuses', async () => {
    const response = await shop.page('/search?cursor=not-a-cursor');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('This page of results is no longer available.');
  });

  it('is a shared page tagged with the products it shows, and stays under the HTML budget (60 kB) with every image sized', async () => {
    const response = await shop.page('/search');
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    const html = await response.text();
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
    expect(cardsIn(html).length).toBeGreaterThan(20);
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/width="\d+".*height="\d+"|height="\d+".*width="\d+"/);
  });

  it('chooses the currency with a POST form: the cookie is set, the page comes back priced in it', async () => {
    const listing = await (await shop.page('/search?category=kitchen')).text();
    expect(listing).toContain('<form class="currency-form" method="post" action="/currency">');
    const origin = shop.server.address;
    const post = (body: string) =>
      fetch(`${origin}/currency`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body,
        redirect: 'manual',
      });
    const chosen = await post('currency=EUR&back=%2Fsearch%3Fcategory%3Dkitchen');
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/search?category=kitchen');
    expect(chosen.headers.get('set-cookie')).toMatch(/^rk_currency=EUR; Path=\/; HttpOnly; SameSite=Lax/);
    const inEuros = await (await shop.page('/search?category=kitchen', { cookie: 'rk_currency=EUR' })).text();
    expect(inEuros).toMatch(/<p class="price">€11\.00<\/p>/);
    // Another site's address is not followed back; a made-up code sets nothing.
    const away = await post('currency=EUR&back=%2F%2Fevil.example%2F');
    expect(away.headers.get('location')).toBe('/');
    const bad = await post('currency=euro&back=%2Fsearch');
    expect(bad.status).toBe(303);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const foreign = await fetch(`${origin}/currency`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'currency=EUR&back=%2F',
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
  });
});
