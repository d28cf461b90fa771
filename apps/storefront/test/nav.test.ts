import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport } from '../src/api/transport.js';
import { createStorefront } from '../src/storefront.js';
import { type ShopHarness, startShop } from './harness.js';

const TTL_MS = 200;
/** The storefront without events: long enough that its cached page is seen before the lifetime ends. */
const OWN_TTL_MS = 1_500;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The header's navigation of a page. */
const headerNav = (html: string): string => html.match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0] ?? '';
const footerOf = (html: string): string => html.match(/<footer class="site-footer">[\s\S]*?<\/footer>/)?.[0] ?? '';

describe('storefront navigation from the tenant menus', () => {
  let shop: ShopHarness;
  let postId: string;
  let postSlug: string;
  beforeAll(async () => {
    shop = await startShop({ storefront: { siteTtlMs: TTL_MS, assets: 'fresh' } });
    const posts = await shop.api<{ items: { id: string; slug: string; title: string }[] }>('GET', '/store/content?kind=post');
    const welcome = posts.body.items.find((p) => p.title === 'Welcome to RusToK');
    postId = welcome?.id ?? '';
    postSlug = welcome?.slug ?? '';
  });
  afterAll(() => shop?.close());

  it('shows the default links without a main menu, tagged so that a menu made later purges the page', async () => {
    // The demo's menus go first: this tenant starts with none.
    const menus = await shop.api<{ items: { id: string }[] }>('GET', '/menus');
    for (const menu of menus.body.items) expect((await shop.api('DELETE', `/menus/${menu.id}`)).status).toBe(204);
    await wait(TTL_MS + 50);
    const html = await (await shop.page('/blog')).text();
    expect(headerNav(html)).toContain('<a href="/search">Catalog</a>');
    expect(headerNav(html)).toContain('<a href="/forum">Forum</a>');
  });

  it('shows a main menu made through the API within the lifetime, its links resolved in the page locale', async () => {
    const about = await shop.api<{ id: string }>('POST', '/pages', { title: 'About', slug: 'about-us' });
    expect((await shop.api('POST', `/pages/${about.body.id}/publish`)).status).toBe(200);
    const before = await shop.page('/');
    const etag = before.headers.get('etag') ?? '';
    expect(headerNav(await before.text())).toContain('>Catalog</a>');
    const menu = await shop.api('POST', '/menus', {
      handle: 'main',
      name: 'Main',
      items: [
        { label: { en: 'Shop', ru: 'Магазин' }, link: { type: 'url', url: '/search' } },
        { label: { en: 'About' }, link: { type: 'page', pageId: about.body.id } },
        {
          label: { en: 'News', ru: 'Новости' },
          link: { type: 'node', nodeId: postId },
          children: [{ label: { en: 'Mail us' }, link: { type: 'url', url: 'mailto:shop@example.com' } }],
        },
      ],
    });
    expect(menu.status).toBe(201);
    await wait(TTL_MS + 50);
    const after = await shop.page('/', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const nav = headerNav(await after.text());
    expect(nav).toContain('<a href="/search">Shop</a>');
    expect(nav).toContain('<a href="/pages/about-us">About</a>');
    expect(nav).toContain(`<a href="/blog/${postSlug}">News</a>`);
    expect(nav).toContain('<a href="mailto:shop@example.com">Mail us</a>');
    expect(nav).not.toContain('>Catalog</a>');
    const ru = headerNav(await (await shop.page('/ru')).text());
    expect(ru).toContain('<a href="/ru/search">Магазин</a>');
    expect(ru).toContain('<a href="/ru/pages/about-us">About</a>');
    expect(ru).toMatch(/<a href="\/ru\/blog\/[a-z0-9-]+">Новости<\/a>/);
    const stale = headerNav(await (await shop.page('/blog', { cookie: 'rk_session=not-a-token' })).text());
    expect(stale).toContain('<a href="/pages/about-us">About</a>');
  });

  it('purges cached pages when the menu changes, and shows a footer menu', async () => {
    const menus = await shop.api<{ items: { id: string; handle: string }[] }>('GET', '/menus');
    const main = menus.body.items.find((m) => m.handle === 'main');
    await shop.page('/forum');
    const cached = await shop.page('/forum');
    const etag = cached.headers.get('etag') ?? '';
    expect((await shop.page('/forum', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const changed = await shop.api('PATCH', `/menus/${main?.id}`, {
      items: [{ label: { en: 'Everything' }, link: { type: 'url', url: 'https://example.com/all' } }],
    });
    expect(changed.status).toBe(200);
    const footer = await shop.api('POST', '/menus', {
      handle: 'footer',
      name: 'Footer',
      items: [{ label: { en: 'Terms' }, link: { type: 'url', url: '/pages/terms' } }],
    });
    expect(footer.status).toBe(201);
    await wait(TTL_MS + 50);
    const after = await shop.page('/forum', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(headerNav(html)).toContain('<a href="https://example.com/all">Everything</a>');
    expect(headerNav(html)).not.toContain('>Shop</a>');
    expect(footerOf(html)).toContain('<a href="/pages/terms">Terms</a>');
  });

  it('shows a changed menu after the lifetime in a storefront that hears no events (its own process, pages cached long)', async () => {
    const settings = await shop.api<{ tenant: { id: string } }>('GET', '/store/settings');
    const storefront = createStorefront({
      transport: httpTransport(shop.server.address),
      resolveTenant: async () => settings.body.tenant.id,
      cache: { ttlMs: 600_000 },
      siteTtlMs: OWN_TTL_MS,
      assets: 'fresh',
    });
    const front = Fastify();
    await front.register(storefront.plugin);
    try {
      const get = () => front.inject({ method: 'GET', url: '/forum', headers: { host: 'localhost' } });
      const fetched = performance.now();
      const first = await get();
      expect(first.body).toContain('>Everything</a>');
      const menus = await shop.api<{ items: { id: string; handle: string }[] }>('GET', '/menus');
      const main = menus.body.items.find((m) => m.handle === 'main');
      const items = [{ label: { en: 'Renamed' }, link: { type: 'url', url: '/search' } }];
      expect((await shop.api('PATCH', `/menus/${main?.id}`, { items })).status).toBe(200);
      const cached = await get();
      // Still the old menu within the lifetime (a machine too busy to get here in time cannot tell).
      if (performance.now() - fetched < OWN_TTL_MS) expect(cached.body).toContain('>Everything</a>');
      await wait(OWN_TTL_MS + 50);
      await get();
      const after = await get();
      expect(headerNav(after.body)).toContain('<a href="/search">Renamed</a>');
    } finally {
      await front.close();
    }
  });
});
