import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Menu, Page } from '../src/contracts.js';
import { pagesModule } from '../src/index.js';

const UNKNOWN = '0190a3c4-0000-7000-8000-000000000001';

describeEachBackend('pages', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let editorA: Record<string, string>;
  let editorB: Record<string, string>;
  let adminA: Record<string, string>;
  let PRODUCT: string;
  let productOfB: string;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const createProduct = async (headers: Record<string, string>, title: string): Promise<string> => {
    const res = await call('POST', '/commerce/products', headers, { title, variants: [{ title: 'Default' }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const createPage = async (headers: Record<string, string>, body: Record<string, unknown>) => {
    const res = await call('POST', '/pages', headers, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Page>();
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, pagesModule, commerceModule] });
    a = await p.createTenant('pages-a');
    b = await p.createTenant('pages-b');
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    editorB = (await p.userWithToken(b.id, ['editor'])).headers;
    PRODUCT = await createProduct(adminA, 'Pick of A');
    productOfB = await createProduct((await p.userWithToken(b.id, ['admin'])).headers, 'Pick of B');
  });
  afterAll(() => p?.close());

  it('creates a page with blocks, publishes it and serves it publicly with blocks in order', async () => {
    const page = await createPage(editorA, {
      title: 'About us',
      blocks: [
        { type: 'hero', data: { title: 'Welcome', ctaUrl: 'https://example.com/shop' } },
        { type: 'rich_text', data: { markdown: 'Hello *world*<script>alert(1)</script>' } },
        { type: 'product_grid', data: { productIds: [PRODUCT], title: 'Picks' } },
      ],
    });
    expect(page).toMatchObject({ kind: 'page', status: 'draft', slug: 'about-us' });
    const anonymous = { 'x-tenant-id': a.id };
    expect((await call('GET', `/pages/${page.id}`, anonymous)).statusCode).toBe(404);
    const published = await call('POST', `/pages/${page.id}/publish`, editorA);
    expect(published.json<Page>().status, published.body).toBe('published');
    const read = await call('GET', `/pages/${page.id}`, anonymous);
    expect(read.statusCode, read.body).toBe(200);
    const blocks = read.json<Page>().blocks;
    expect(blocks.map((x) => x.type)).toEqual(['hero', 'rich_text', 'product_grid']);
    expect(blocks[1]?.data.html).toBe('<p>Hello <em>world</em></p>\n');
    const listed = await call('GET', '/pages', anonymous);
    expect(listed.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(page.id);

    const replaced = await call('PUT', `/pages/${page.id}/blocks`, editorA, {
      blocks: [
        { type: 'image', data: { url: '/img/a.png', alt: 'A' } },
        { type: 'hero', data: { title: 'Again' } },
      ],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const again = (await call('GET', `/pages/${page.id}`, anonymous)).json<Page>();
    expect(again.blocks.map((x) => [x.position, x.type])).toEqual([
      [0, 'image'],
      [1, 'hero'],
    ]);
    const patched = await call('PATCH', `/pages/${page.id}`, editorA, { title: 'About' });
    expect(patched.json<Page>().title, patched.body).toBe('About');

    const { rows } = await p.database.db.query<{ type: string }>(
      `SELECT type FROM sys_events WHERE tenant_id = $1 AND type LIKE 'pages.%' ORDER BY id`,
      [a.id],
    );
    expect(rows.map((r) => r.type)).toEqual(['pages.page.created', 'pages.page.published', 'pages.page.updated', 'pages.page.updated']);
    const deleted = await call('DELETE', `/pages/${page.id}`, editorA);
    expect(deleted.statusCode).toBe(204);
    expect((await call('GET', `/pages/${page.id}`, editorA)).statusCode).toBe(404);
  });

  it('refuses bad block data with 422 listing every failing field', async () => {
    const res = await call('POST', '/pages', editorA, {
      title: 'Broken',
      blocks: [
        { type: 'hero', data: { subtitle: 'no title', imageUrl: 'javascript:alert(1)' } },
        { type: 'carousel', data: {} },
        { type: 'product_grid', data: { productIds: Array.from({ length: 49 }, () => PRODUCT) } },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/blocks/0/data/title', '/blocks/0/data/imageUrl', '/blocks/1/type', '/blocks/2/data/productIds']),
    );
  });

  it('lets a product grid name only products of the tenant', async () => {
    const res = await call('POST', '/pages', editorA, {
      title: 'Grid',
      blocks: [{ type: 'product_grid', data: { productIds: [PRODUCT, productOfB, UNKNOWN] } }],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      '/blocks/0/data/productIds/1',
      '/blocks/0/data/productIds/2',
    ]);
    expect(res.body).not.toContain('Pick of B');
    const page = await createPage(editorA, { title: 'Grid ok', blocks: [{ type: 'product_grid', data: { productIds: [PRODUCT] } }] });
    const put = await call('PUT', `/pages/${page.id}/blocks`, editorA, {
      blocks: [{ type: 'product_grid', data: { productIds: [productOfB] } }],
    });
    expect(put.statusCode, put.body).toBe(422);
  });

  it('builds a menu with nested items linking a page and a URL, and refuses pages of another tenant', async () => {
    const page = await createPage(editorA, { title: 'Contacts' });
    const pageOfB = await createPage(editorB, { title: 'Secret of B' });
    const created = await call('POST', '/menus', editorA, {
      handle: 'main',
      name: 'Main',
      items: [
        {
          label: { en: 'Company', ru: 'Компания' },
          link: { type: 'url', url: '/company' },
          children: [{ label: { en: 'Contacts' }, link: { type: 'page', pageId: page.id } }],
        },
        { label: { en: 'Blog' }, link: { type: 'url', url: 'https://example.com/blog' } },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const menu = created.json<Menu>();
    const read = (await call('GET', `/menus/${menu.id}`, { 'x-tenant-id': a.id })).json<Menu>();
    expect(read.items.map((i) => i.label.en)).toEqual(['Company', 'Blog']);
    expect(read.items[0]?.children[0]?.link).toEqual({ type: 'page', pageId: page.id });

    const foreign = await call('PATCH', `/menus/${menu.id}`, editorA, {
      items: [
        { label: { en: 'B' }, link: { type: 'page', pageId: pageOfB.id } },
        { label: { en: 'Bad' }, link: { type: 'page', url: '/x' } },
      ],
    });
    expect(foreign.statusCode, foreign.body).toBe(422);
    const shape = foreign.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(shape).toEqual(['/items/1/link/pageId', '/items/1/link/url']);
    const onlyForeign = await call('PATCH', `/menus/${menu.id}`, editorA, {
      items: [{ label: { en: 'B' }, link: { type: 'page', pageId: pageOfB.id } }],
    });
    expect(onlyForeign.statusCode).toBe(422);
    expect(onlyForeign.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['/items/0/link/pageId']);
    const replaced = await call('PATCH', `/menus/${menu.id}`, editorA, {
      items: [{ label: { en: 'Home' }, link: { type: 'url', url: '/' } }],
    });
    expect(replaced.json<Menu>().items).toHaveLength(1);
    const { rows } = await p.database.db.query<{ type: string }>(
      `SELECT type FROM sys_events WHERE tenant_id = $1 AND type = 'pages.menu.updated'`,
      [a.id],
    );
    expect(rows).toHaveLength(2);
  });

  it('answers 404 on every pages route of a tenant that switched the module off, and only there', async () => {
    expect((await call('PUT', '/modules/pages', adminA, { enabled: false })).statusCode).toBe(200);
    try {
      expect((await call('GET', '/pages', editorA)).statusCode).toBe(404);
      expect((await call('GET', '/menus', editorA)).statusCode).toBe(404);
      expect((await call('POST', '/pages', editorA, { title: 'x' })).statusCode).toBe(404);
      expect((await call('GET', '/pages', editorB)).statusCode).toBe(200);
    } finally {
      expect((await call('PUT', '/modules/pages', adminA, { enabled: true })).statusCode).toBe(200);
    }
  });
});
