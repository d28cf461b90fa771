import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Menu, Page } from '../src/contracts.js';
import { pagesModule } from '../src/index.js';

describeEachBackend('pages by slug and menus by handle', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let editorA: Record<string, string>;
  let editorB: Record<string, string>;
  let anonymous: Record<string, string>;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown, status = 200) => {
    const res = await call(method, url, headers, payload);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const bySlug = (slug: string, headers = anonymous, locale?: string) =>
    call('GET', `/pages/by-slug/${slug}${locale ? `?locale=${locale}` : ''}`, headers);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, pagesModule] });
    a = await p.createTenant('lookup-a');
    const b = await p.createTenant('lookup-b');
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
    editorB = (await p.userWithToken(b.id, ['editor'])).headers;
    anonymous = { 'x-tenant-id': a.id };
  });
  afterAll(() => p?.close());

  it('finds a page by its slug in a locale (else the default, else any); the public finds published pages only', async () => {
    const about = await ok<Page>('POST', '/pages', editorA, { title: 'About us', blocks: [{ type: 'hero', data: { title: 'Hi' } }] }, 201);
    await ok('PATCH', `/pages/${about.id}`, editorA, { locale: 'ru', title: 'О нас' });
    const draft = await bySlug('about-us');
    expect(draft.statusCode, draft.body).toBe(404);
    expect(draft.json()).toMatchObject({ code: 'PAGES_PAGE_NOT_FOUND' });
    expect((await bySlug('about-us', editorA)).json<Page>()).toMatchObject({ id: about.id, status: 'draft' });

    await ok('POST', `/pages/${about.id}/publish`, editorA);
    const read = (await bySlug('about-us')).json<Page>();
    expect(read).toMatchObject({ id: about.id, title: 'About us', locale: 'en', blocks: [{ type: 'hero', data: { title: 'Hi' } }] });
    expect((await bySlug('o-nas', anonymous, 'ru')).json<Page>()).toMatchObject({ id: about.id, title: 'О нас', locale: 'ru' });
    expect((await bySlug('about-us', anonymous, 'ru')).json<Page>()).toMatchObject({ id: about.id, title: 'О нас' });
    expect((await bySlug('o-nas')).json<Page>()).toMatchObject({ id: about.id, title: 'About us' });

    // The same slug names another page in Russian: the requested locale wins, published pages only for the public.
    const other = await ok<Page>('POST', '/pages', editorA, { title: 'Other' }, 201);
    await ok('PATCH', `/pages/${other.id}`, editorA, { locale: 'ru', title: 'Другая', slug: 'about-us' });
    expect((await bySlug('about-us', anonymous, 'ru')).json<Page>().id).toBe(about.id);
    expect((await bySlug('about-us', editorA, 'ru')).json<Page>()).toMatchObject({ id: other.id, title: 'Другая' });
    await ok('POST', `/pages/${other.id}/publish`, editorA);
    expect((await bySlug('about-us', anonymous, 'ru')).json<Page>().id).toBe(other.id);
    expect((await bySlug('about-us')).json<Page>().id).toBe(about.id);

    expect((await bySlug('missing')).json()).toMatchObject({ status: 404, code: 'PAGES_PAGE_NOT_FOUND' });
    expect((await bySlug('Not%20a%20slug')).statusCode).toBe(422);
    expect((await bySlug('about-us', editorB)).json()).toMatchObject({ status: 404, code: 'PAGES_PAGE_NOT_FOUND' });
  });

  it("finds a menu by its handle, publicly; another tenant's menu of the same handle stays its own", async () => {
    const page = await ok<Page>('POST', '/pages', editorA, { title: 'Contacts' }, 201);
    const menu = await ok<Menu>(
      'POST',
      '/menus',
      editorA,
      {
        handle: 'footer',
        name: 'Footer',
        items: [
          {
            label: { en: 'Us' },
            link: { type: 'url', url: '/us' },
            children: [{ label: { en: 'Contacts' }, link: { type: 'page', pageId: page.id } }],
          },
        ],
      },
      201,
    );
    const read = await ok<Menu>('GET', '/menus/by-handle/footer', anonymous);
    expect(read).toMatchObject({
      id: menu.id,
      handle: 'footer',
      items: [{ label: { en: 'Us' }, children: [{ link: { pageId: page.id } }] }],
    });
    expect((await call('GET', '/menus/by-handle/header', anonymous)).json()).toMatchObject({ status: 404, code: 'PAGES_MENU_NOT_FOUND' });
    expect((await call('GET', '/menus/by-handle/footer', editorB)).json()).toMatchObject({ status: 404, code: 'PAGES_MENU_NOT_FOUND' });
    const ofB = await ok<Menu>('POST', '/menus', editorB, { handle: 'footer', name: 'Footer of B' }, 201);
    expect((await ok<Menu>('GET', '/menus/by-handle/footer', editorB)).id).toBe(ofB.id);
    expect((await ok<Menu>('GET', '/menus/by-handle/footer', anonymous)).id).toBe(menu.id);
    expect((await call('GET', '/menus/by-handle/Bad_Handle', anonymous)).statusCode).toBe(422);
  });
});
