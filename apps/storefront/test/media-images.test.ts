import { image } from '@rustok/storage/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

interface Asset {
  id: string;
  variants: { name: string; width: number; url: string }[];
}

/** The `<img>` tags of a page whose src or srcset names the asset. */
const imagesOf = (html: string, assetId: string): string[] => (html.match(/<img\b[^>]*>/g) ?? []).filter((img) => img.includes(assetId));

const attr = (img: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(img)?.[1];

// Product images from the media library on the storefront: srcset of the asset's WebP variants with
// their widths, sizes, the original's width and height; bare URL images as before.
describe('storefront: media images', () => {
  let shop: ShopHarness;
  let asset: Asset;
  beforeAll(async () => {
    shop = await startShop();
    expect((await shop.api('PUT', '/modules/media', { enabled: true })).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await image('png', 1200, 800))], { type: 'image/png' }), 'poster.png');
    const login = await shop.api<{ accessToken: string }>(
      'POST',
      '/auth/login',
      { email: shop.admin.email, password: shop.admin.password },
      {},
    );
    const res = await fetch(`${shop.server.address}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.body.accessToken}` },
      body: form,
    });
    expect(res.status).toBe(201);
    asset = (await res.json()) as Asset;
    const product = {
      title: 'Media poster',
      handle: 'media-poster',
      status: 'published',
      images: [{ mediaId: asset.id, alt: 'A poster' }, 'https://images.example.com/demo/poster-back.jpg'],
      variants: [{ title: 'Default', prices: [{ amount: 2500, currencyCode: 'USD' }] }],
    };
    const created = await shop.api('POST', '/commerce/products', product);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await shop.settle();
  }, 120_000);
  afterAll(() => shop?.close());

  const expectResponsive = (img: string) => {
    const srcset = attr(img, 'srcset') ?? '';
    expect(asset.variants.length).toBeGreaterThan(1);
    for (const v of asset.variants) expect(srcset).toContain(`${v.url} ${v.width}w`);
    expect(attr(img, 'sizes')).toBeTruthy();
    expect(attr(img, 'width')).toBe('1200');
    expect(attr(img, 'height')).toBe('800');
    expect(attr(img, 'decoding')).toBe('async');
  };

  it('renders the product page image with srcset of the variants, sizes, width and height', async () => {
    const html = await (await shop.page('/products/media-poster')).text();
    const [main] = imagesOf(html, asset.id);
    expect(main).toBeDefined();
    expectResponsive(main ?? '');
    expect(attr(main ?? '', 'alt')).toBe('A poster');
    expect(attr(main ?? '', 'src')).toMatch(new RegExp(`^/api/v1/media/${asset.id}/file\\?variant=`));
    // A bare URL image keeps its address and the box's size, lazily.
    const back = (html.match(/<img\b[^>]*>/g) ?? []).find((img) => img.includes('poster-back.jpg')) ?? '';
    expect(attr(back, 'srcset')).toBeUndefined();
    expect(attr(back, 'loading')).toBe('lazy');
    expect(back).toMatch(/width="120"[^>]*height="120"/);
  });

  it('renders the product card with its first image from the stored list item', async () => {
    const html = await (await shop.page('/search?q=poster')).text();
    const [card] = imagesOf(html, asset.id);
    expect(card).toBeDefined();
    expectResponsive(card ?? '');
    const listed = await shop.api<{ items: { handle: string; image?: { srcset?: unknown[]; width?: number } }[] }>(
      'GET',
      '/store/products?q=poster',
      undefined,
      {},
    );
    const item = listed.body.items.find((i) => i.handle === 'media-poster');
    expect(item?.image?.width).toBe(1200);
    expect(item?.image?.srcset).toHaveLength(asset.variants.length);
  });

  it('renders a page’s image block that names a media asset with the same responsive image', async () => {
    const blocks = [{ type: 'image', data: { mediaId: asset.id, alt: 'Our poster' } }];
    const created = await shop.api<{ id: string }>('POST', '/pages', { title: 'Poster wall', slug: 'poster-wall', blocks });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await shop.api('POST', `/pages/${created.body.id}/publish`)).status).toBe(200);
    await shop.settle();
    const html = await (await shop.page('/pages/poster-wall')).text();
    const [img] = imagesOf(html, asset.id);
    expect(img).toBeDefined();
    expectResponsive(img ?? '');
    expect(attr(img ?? '', 'alt')).toBe('Our poster');
    expect(attr(img ?? '', 'loading')).toBe('lazy');
    // Under another locale the asset's address stays the platform's (not put under /ru).
    const ru = await (await shop.page('/ru/pages/poster-wall')).text();
    expect(attr(imagesOf(ru, asset.id)[0] ?? '', 'src')).toMatch(/^\/api\/v1\/media\//);
  });
});
