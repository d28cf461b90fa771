import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Menu, Page } from '../src/contracts.js';
import { pagesModule } from '../src/index.js';

const PAGE = 'id status title slug locale blocks { position type data }';
const MENU = 'id handle name items { label link { type pageId url } children { label link { type pageId url } } }';

describeEachBackend('pages over GraphQL', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let anonymous: Record<string, string>;
  const { gql, data, codes } = graphqlClient(() => p);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, pagesModule] });
    tenant = await p.createTenant('pages-gql');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    anonymous = { 'x-tenant-id': tenant.id };
  });
  afterAll(() => p?.close());

  it('walks a page with blocks: create → publish → read by id and slug → replace blocks, with 422s for bad blocks', async () => {
    const create = `mutation ($input: CreatePageInput!) { createPage(input: $input) { ${PAGE} } }`;
    const blocks = [
      { type: 'hero', data: { title: 'Welcome' } },
      { type: 'rich_text', data: { markdown: 'Hello *world*<script>x()</script>' } },
    ];
    const page = await data<Page>('createPage', editor, create, { input: { title: 'Landing', blocks } });
    expect(page).toMatchObject({
      status: 'draft',
      slug: 'landing',
      blocks: [
        { position: 0, type: 'hero' },
        { position: 1, type: 'rich_text' },
      ],
    });
    expect(page.blocks[1]?.data.html).toBe('<p>Hello <em>world</em></p>\n');
    const byId = `query ($id: ID!) { page(id: $id) { ${PAGE} } }`;
    expect(await codes(anonymous, byId, { id: page.id })).toEqual(['PAGES_PAGE_NOT_FOUND']);
    expect(await codes(anonymous, create, { input: { title: 'x' } })).toEqual(['AUTH_REQUIRED']);

    await data('publishPage', editor, 'mutation ($id: ID!) { publishPage(id: $id) { id } }', { id: page.id });
    expect((await data<Page>('page', anonymous, byId, { id: page.id })).blocks).toHaveLength(2);
    const bySlug = `query ($slug: String!, $locale: String) { pageBySlug(slug: $slug, locale: $locale) { ${PAGE} } }`;
    expect(await data<Page>('pageBySlug', anonymous, bySlug, { slug: 'landing' })).toMatchObject({ id: page.id, title: 'Landing' });
    await data('updatePage', editor, 'mutation ($id: ID!) { updatePage(id: $id, input: { locale: "ru", title: "Главная" }) { id } }', {
      id: page.id,
    });
    expect(await data<Page>('pageBySlug', anonymous, bySlug, { slug: 'glavnaya', locale: 'ru' })).toMatchObject({
      id: page.id,
      title: 'Главная',
    });
    expect(await codes(anonymous, bySlug, { slug: 'nothing' })).toEqual(['PAGES_PAGE_NOT_FOUND']);

    const put = `mutation ($id: ID!, $blocks: [PageBlockInput!]!) { putPageBlocks(id: $id, blocks: $blocks) { ${PAGE} } }`;
    const bad = await gql(editor, put, {
      id: page.id,
      blocks: [
        { type: 'hero', data: {} },
        { type: 'carousel', data: {} },
      ],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/blocks/0/data/title' }, { path: '/blocks/1/type' }],
    });
    const replaced = await data<Page>('putPageBlocks', editor, put, {
      id: page.id,
      blocks: [{ type: 'image', data: { url: '/a.png', alt: 'A' } }],
    });
    expect(replaced.blocks.map((b) => b.type)).toEqual(['image']);
    const list = await data<{ items: { id: string }[] }>('pages', anonymous, '{ pages { items { id } } }');
    expect(list.items.map((i) => i.id)).toEqual([page.id]);
    expect(await data('deletePage', editor, 'mutation ($id: ID!) { deletePage(id: $id) }', { id: page.id })).toBe(true);
    expect(await codes(editor, byId, { id: page.id })).toEqual(['PAGES_PAGE_NOT_FOUND']);
  });

  it('builds a nested menu, reads it by handle publicly, replaces its items and refuses bad links', async () => {
    const page = await data<Page>('createPage', editor, 'mutation { createPage(input: { title: "Contacts" }) { id } }');
    const create = `mutation ($input: CreateMenuInput!) { createMenu(input: $input) { ${MENU} } }`;
    const items = [
      {
        label: { en: 'Company', ru: 'Компания' },
        link: { type: 'url', url: '/company' },
        children: [{ label: { en: 'Contacts' }, link: { type: 'page', pageId: page.id } }],
      },
    ];
    const menu = await data<Menu>('createMenu', editor, create, { input: { handle: 'main', name: 'Main', items } });
    const read = await data<Menu>('menuByHandle', anonymous, `{ menuByHandle(handle: "main") { ${MENU} } }`);
    expect(read).toEqual({
      id: menu.id,
      handle: 'main',
      name: 'Main',
      items: [
        {
          label: { en: 'Company', ru: 'Компания' },
          link: { type: 'url', pageId: null, url: '/company' },
          children: [{ label: { en: 'Contacts' }, link: { type: 'page', pageId: page.id, url: null } }],
        },
      ],
    });
    expect(await data('menus', anonymous, '{ menus { id handle } }')).toEqual([{ id: menu.id, handle: 'main' }]);
    expect(await codes(anonymous, '{ menuByHandle(handle: "footer") { id } }')).toEqual(['PAGES_MENU_NOT_FOUND']);
    const update = `mutation ($id: ID!, $input: UpdateMenuInput!) { updateMenu(id: $id, input: $input) { ${MENU} } }`;
    const badLink = await gql(editor, update, {
      id: menu.id,
      input: { items: [{ label: { en: 'x' }, link: { type: 'page', url: '/x' } }] },
    });
    expect(badLink.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/items/0/link/pageId' }, { path: '/items/0/link/url' }],
    });
    const replaced = await data<Menu>('updateMenu', editor, update, {
      id: menu.id,
      input: { name: 'Top', items: [{ label: { en: 'Home' }, link: { type: 'url', url: '/' } }] },
    });
    expect(replaced).toMatchObject({ name: 'Top', items: [{ label: { en: 'Home' }, children: [] }] });
    expect(await data<Menu>('menu', anonymous, 'query ($id: ID!) { menu(id: $id) { name } }', { id: menu.id })).toEqual({ name: 'Top' });
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    expect(await codes(customer, 'mutation ($id: ID!) { deleteMenu(id: $id) }', { id: menu.id })).toEqual(['AUTH_FORBIDDEN']);
    expect(await data('deleteMenu', editor, 'mutation ($id: ID!) { deleteMenu(id: $id) }', { id: menu.id })).toBe(true);
  });

  it('answers as absent for a tenant that switched the module off', async () => {
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const toggle = (enabled: boolean) =>
      p.app.inject({ method: 'PUT', url: '/api/v1/modules/pages', headers: admin, payload: { enabled } });
    expect((await toggle(false)).statusCode).toBe(200);
    try {
      expect(await codes(anonymous, '{ menus { id } }')).toEqual(['GRAPHQL_FIELD_NOT_FOUND']);
      expect(await codes(editor, 'mutation { createPage(input: { title: "x" }) { id } }')).toEqual(['GRAPHQL_FIELD_NOT_FOUND']);
    } finally {
      expect((await toggle(true)).statusCode).toBe(200);
    }
    expect(await data('menus', anonymous, '{ menus { id } }')).toEqual([]);
  });
});
