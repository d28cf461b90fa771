import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

interface Product {
  readonly id: string;
  readonly handle: string;
  readonly title: string;
}

describe('storefront CMS pages', () => {
  let shop: ShopHarness;
  let products: Product[];
  beforeAll(async () => {
    shop = await startShop();
    products = (await shop.api<{ items: Product[] }>('GET', '/store/products?limit=3&sort=newest')).body.items;
  });
  afterAll(() => shop?.close());

  const createPage = async (slug: string, blocks: unknown[], publish: boolean) => {
    const created = await shop.api<{ id: string }>('POST', '/pages', {
      title: `Page ${slug}`,
      slug,
      blocks,
    });
    expect(created.status).toBe(201);
    if (publish) expect((await shop.api('POST', `/pages/${created.body.id}/publish`)).status).toBe(200);
    return created.body.id;
  };

  it('renders a published page: hero, rich text (sanitised), product grid in its order, image; links in the page locale', async () => {
    expect(products.length).toBeGreaterThanOrEqual(2);
    const [first, second] = products as [Product, Product];
    const id = await createPage(
      'summer-sale',
      [
        { type: 'hero', data: { title: 'Summer sale', subtitle: 'Everything must go', ctaUrl: '/search' } },
        { type: 'rich_text', data: { markdown: 'Prices **cut** this week.<script>alert(1)</script>' } },
        { type: 'product_grid', data: { title: 'Picked for you', productIds: [second.id, first.id] } },
        { type: 'image', data: { url: 'https://example.com/beach.jpg', alt: 'A sunny beach' } },
      ],
      true,
    );
    const response = await shop.page('/pages/summer-sale');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<section class="hero" data-block="hero"><h1>Summer sale</h1><p>Everything must go</p>');
    expect(html).toContain('<a class="button" href="/search">');
    expect(html).toContain('Prices <strong>cut</strong> this week.');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<h2>Picked for you</h2>');
    const at = (handle: string) => html.indexOf(`data-product="${handle}"`);
    expect(at(second.handle)).toBeGreaterThan(0);
    expect(at(first.handle)).toBeGreaterThan(at(second.handle));
    expect(html.indexOf('data-block="hero"')).toBeLessThan(html.indexOf('data-block="rich_text"'));
    expect(html).toContain('<img src="https://example.com/beach.jpg" alt="A sunny beach" width="1200" height="800"');
    expect(html).toContain('<title>Page summer-sale</title>');
    expect(html).toContain('/pages/summer-sale"/>');
    const trail = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}'));
    expect(trail).toEqual([expect.objectContaining({ '@context': 'https://schema.org', '@type': 'BreadcrumbList' })]);
    expect(trail[0].itemListElement.at(-1)).toMatchObject({ position: 2, name: 'Page summer-sale' });
    const ru = await (await shop.page('/ru/pages/summer-sale')).text();
    expect(ru).toContain('<a class="button" href="/ru/search">');
    expect(id).toBeTruthy();
  });

  it('has a demo page built from blocks, linked from the demo main and footer menus', async () => {
    const html = await (await shop.page('/pages/about')).text();
    expect(html).toContain('<h1>About our shop</h1>');
    expect(html).toContain('We choose every product <strong>ourselves</strong>');
    expect(html).toContain('<h2>Customer favourites</h2>');
    expect(html.match(/data-product="/g)?.length).toBeGreaterThanOrEqual(2);
    const header = html.match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0] ?? '';
    expect(header).toContain('<a href="/pages/about">About</a>');
    expect(header).toContain('<a href="/search">Catalog</a>');
    const ru = await (await shop.page('/ru/blog')).text();
    expect(ru.match(/<footer class="site-footer">[\s\S]*?<\/footer>/)?.[0]).toContain('<a href="/ru/pages/about">О нас</a>');
  });

  it('shows a changed menu at once: its event purges the pages and the menus are read again', async () => {
    const menus = await shop.api<{ items: { id: string; handle: string }[] }>('GET', '/menus');
    const main = menus.body.items.find((m) => m.handle === 'main');
    const before = await shop.page('/forum');
    expect(await before.text()).toContain('<a href="/pages/about">About</a>');
    const etag = before.headers.get('etag') ?? '';
    const items = [{ label: { en: 'Our story', ru: 'Наша история' }, link: { type: 'url', url: '/pages/about' } }];
    expect((await shop.api('PATCH', `/menus/${main?.id}`, { items })).status).toBe(200);
    await shop.settle();
    const after = await shop.page('/forum', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const header = (await after.text()).match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0] ?? '';
    expect(header).toContain('<a href="/pages/about">Our story</a>');
    expect(header).not.toContain('>Catalog</a>');
  });

  it('answers an unpublished page and an unknown slug with the 404 page', async () => {
    await createPage('coming-soon', [{ type: 'hero', data: { title: 'Soon' } }], false);
    const draft = await shop.page('/pages/coming-soon');
    expect(draft.status).toBe(404);
    expect(await draft.text()).not.toContain('Soon</h1>');
    expect((await shop.page('/pages/nothing-here')).status).toBe(404);
  });

  it('shows new blocks of a cached page once they are saved', async () => {
    const id = await createPage('changing', [{ type: 'rich_text', data: { markdown: 'First words.' } }], true);
    expect(await (await shop.page('/pages/changing')).text()).toContain('First words.');
    expect(
      (await shop.api('PUT', `/pages/${id}/blocks`, { blocks: [{ type: 'rich_text', data: { markdown: 'Second words.' } }] })).status,
    ).toBe(200);
    await shop.settle();
    const html = await (await shop.page('/pages/changing')).text();
    expect(html).toContain('Second words.');
    expect(html).not.toContain('First words.');
  });

  it('drops a cached page when a product it shows changes', async () => {
    const [first] = products as [Product];
    await createPage('one-product', [{ type: 'product_grid', data: { productIds: [first.id] } }], true);
    const before = await shop.page('/pages/one-product');
    const etag = before.headers.get('etag') ?? '';
    expect(await before.text()).toContain(`data-product="${first.handle}"`);
    expect((await shop.page('/pages/one-product', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await shop.api('PATCH', `/commerce/products/${first.id}`, { title: 'Renamed for the page' })).status).toBe(200);
    await shop.settle();
    const after = await (await shop.page('/pages/one-product')).text();
    expect(after).toContain('Renamed for the page');
  });
});
