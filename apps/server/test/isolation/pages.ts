import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listsOnlyA, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { mediaArea } from './media.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The pages module: pages with blocks, and menus. */

interface PagesObjects {
  /** A published page with a block, and a menu `main` linking it. */
  readonly pageId: string;
  readonly pageSlug: string;
  readonly menuId: string;
}

const pages = (side: Side): PagesObjects => pagesArea.of(side);
const pageOfB = { id: (w: World) => pages(w.b).pageId };
const menuOfB = { id: (w: World) => pages(w.b).menuId };
const page = (w: World) => ({ id: pages(w.b).pageId });
const menu = (w: World) => ({ id: pages(w.b).menuId });
const pageNotFound = 'PAGES_PAGE_NOT_FOUND';
const menuNotFound = 'PAGES_MENU_NOT_FOUND';

export const pagesArea: Area<PagesObjects> = defineArea<PagesObjects>({
  name: 'pages',
  async setup({ side, call, created }) {
    const { slug } = side.tenant;
    const res = await call('POST', '/api/v1/pages', side.admin, {
      title: `Page ${slug}`,
      blocks: [{ type: 'hero', data: { title: slug } }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id: pageId, slug: pageSlug } = res.json<{ id: string; slug: string }>();
    await created(`/api/v1/pages/${pageId}/publish`);
    const menuId = await created('/api/v1/menus', {
      handle: 'main',
      name: 'Main',
      items: [{ label: { en: 'Page' }, link: { type: 'page', pageId } }],
    });
    return { pageId, pageSlug, menuId };
  },
  secretsOf: (o) => [o.pageId, o.menuId],
  tablesWithData: ['pages_blocks', 'pages_menus', 'pages_menu_items'],
  routes: {
    'GET /api/v1/pages': { kind: 'tenant', public: true },
    'POST /api/v1/pages': {
      kind: 'tenant',
      // A page of A showing B's media asset: B's asset is not there inside A's transaction.
      body: (w) => ({ title: 'Page of A', blocks: [{ type: 'image', data: { mediaId: mediaArea.of(w.b).assetId, alt: '' } }] }),
      status: 422,
      code: 'VALIDATION_FAILED',
      after: async (_w, res) => expect(JSON.stringify(res.json())).toContain('/blocks/0/data/mediaId'),
    },
    'GET /api/v1/pages/{id}': refusedRoute(pageOfB, 'PAGES_PAGE_NOT_FOUND', { public: true }),
    'GET /api/v1/pages/by-slug/{slug}': {
      kind: 'tenant',
      public: true,
      // B's page is published and its slug is B's only: A has no page with it.
      paramsOfB: { slug: (w) => pages(w.b).pageSlug },
      code: 'PAGES_PAGE_NOT_FOUND',
    },
    'PATCH /api/v1/pages/{id}': refusedRoute(pageOfB, 'PAGES_PAGE_NOT_FOUND', { body: () => ({ title: 'by A' }) }),
    'DELETE /api/v1/pages/{id}': refusedRoute(pageOfB, 'PAGES_PAGE_NOT_FOUND'),
    'POST /api/v1/pages/{id}/publish': refusedRoute(pageOfB, 'PAGES_PAGE_NOT_FOUND'),
    'PUT /api/v1/pages/{id}/blocks': refusedRoute(pageOfB, 'PAGES_PAGE_NOT_FOUND', { body: () => ({ blocks: [] }) }),
    'GET /api/v1/menus': { kind: 'tenant', public: true },
    'POST /api/v1/menus': {
      kind: 'tenant',
      // A menu of A linking B's page: B's page is not there inside A's transaction.
      body: (w) => ({ handle: 'menu-of-a', name: 'A', items: [{ label: { en: 'x' }, link: { type: 'page', pageId: pages(w.b).pageId } }] }),
      status: 422,
      code: 'VALIDATION_FAILED',
    },
    'GET /api/v1/menus/{id}': refusedRoute(menuOfB, 'PAGES_MENU_NOT_FOUND', { public: true }),
    'GET /api/v1/menus/by-handle/{handle}': {
      kind: 'tenant',
      public: true,
      // Both tenants have a menu `main`: A gets its own.
      paramsOfB: { handle: () => 'main' },
      status: 200,
      after: async (w, res) => expect(res.json<{ id: string }>().id).toBe(pages(w.a).menuId),
    },
    'PATCH /api/v1/menus/{id}': refusedRoute(menuOfB, 'PAGES_MENU_NOT_FOUND', { body: () => ({ name: 'by A' }) }),
    'DELETE /api/v1/menus/{id}': refusedRoute(menuOfB, 'PAGES_MENU_NOT_FOUND'),
  },
  graphql: {
    'Query.pages': pageListsOnlyA('pages', '{ pages(first: 100) { items { id title } } }', (w) => pages(w.a).pageId),
    'Query.page': refusedForB('query ($id: ID!) { page(id: $id) { id title blocks { data } } }', page, pageNotFound),
    'Query.pageBySlug': refusedForB(
      'query ($slug: String!) { pageBySlug(slug: $slug) { id title blocks { data } } }',
      (w) => ({ slug: pages(w.b).pageSlug }),
      pageNotFound,
    ),
    'Mutation.createPage': createdInA(
      'mutation { createPage(input: { title: "Page of A over GraphQL" }) { id } }',
      {},
      'createPage',
      'content_nodes',
    ),
    'Mutation.updatePage': refusedForB('mutation ($id: ID!) { updatePage(id: $id, input: { title: "by A" }) { id } }', page, pageNotFound),
    'Mutation.publishPage': refusedForB('mutation ($id: ID!) { publishPage(id: $id) { id } }', page, pageNotFound),
    'Mutation.putPageBlocks': refusedForB('mutation ($id: ID!) { putPageBlocks(id: $id, blocks: []) { id } }', page, pageNotFound),
    'Mutation.deletePage': refusedForB('mutation ($id: ID!) { deletePage(id: $id) }', page, pageNotFound),
    'Query.menus': listsOnlyA(
      '{ menus { id handle } }',
      (data) => data.menus as { id: string }[],
      (w) => pages(w.a).menuId,
    ),
    'Query.menu': refusedForB('query ($id: ID!) { menu(id: $id) { id items { id } } }', menu, menuNotFound),
    'Query.menuByHandle': async (w) => {
      const reply = await w.gql(w.a.admin, '{ menuByHandle(handle: "main") { id items { link { pageId } } } }');
      expect(reply.errors, reply.text).toBeUndefined();
      expect(reply.data?.menuByHandle).toMatchObject({ id: pages(w.a).menuId, items: [{ link: { pageId: pages(w.a).pageId } }] });
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.createMenu': async (w) => {
      const query = 'mutation ($input: CreateMenuInput!) { createMenu(input: $input) { id } }';
      const variables = {
        input: { handle: 'gql-menu-of-a', name: 'A', items: [{ label: { en: 'x' }, link: { type: 'page', pageId: pages(w.b).pageId } }] },
      };
      const reply = await w.gql(w.a.admin, query, variables);
      // B's page is not there inside A's transaction.
      expect(errorCodes(reply), reply.text).toEqual(['VALIDATION_FAILED']);
      expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables)]);
    },
    'Mutation.updateMenu': refusedForB('mutation ($id: ID!) { updateMenu(id: $id, input: { name: "by A" }) { id } }', menu, menuNotFound),
    'Mutation.deleteMenu': refusedForB('mutation ($id: ID!) { deleteMenu(id: $id) }', menu, menuNotFound),
  },
});
