import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/tada.js';
import { gql } from './graphql.js';
import type { Menu, MenuItem, MenuItemInput, MenuLink, MenuSummary } from './menu-shapes.js';

export type { Menu, MenuItem, MenuItemInput, MenuLink, MenuSummary } from './menu-shapes.js';

const MenuListDocument = graphql(`
  query MenuList {
    menus { id handle name }
  }
`);

// Items three levels deep: a menu holds no deeper ones (the server's limit, MENU_LIMITS.depth).
const MenuDocument = graphql(`
  query MenuDetail($id: ID!) {
    menu(id: $id) {
      id handle name
      items {
        id label link { type pageId url nodeId }
        children {
          id label link { type pageId url nodeId }
          children { id label link { type pageId url nodeId } }
        }
      }
    }
  }
`);

const CreateMenuDocument = graphql(`
  mutation CreateMenu($input: CreateMenuInput!) {
    createMenu(input: $input) { id }
  }
`);

const UpdateMenuDocument = graphql(`
  mutation UpdateMenu($id: ID!, $input: UpdateMenuInput!) {
    updateMenu(id: $id, input: $input) {
      id handle name
      items {
        id label link { type pageId url nodeId }
        children {
          id label link { type pageId url nodeId }
          children { id label link { type pageId url nodeId } }
        }
      }
    }
  }
`);

type MenuResult = NonNullable<ResultOf<typeof MenuDocument>['menu']>;
type LinkNode = { type: string | null; pageId: string | null; url: string | null; nodeId: string | null } | null;
type ItemNode = { id: string | null; label: unknown; link: LinkNode; children?: readonly ItemNode[] | null };
type ItemsInput = NonNullable<VariablesOf<typeof UpdateMenuDocument>['input']['items']>;

/** A link with only the target its type names. */
const linkOf = (l: LinkNode): MenuLink => ({
  type: (l?.type ?? 'url') as MenuLink['type'],
  ...(l?.pageId ? { pageId: l.pageId } : {}),
  ...(l?.url ? { url: l.url } : {}),
  ...(l?.nodeId ? { nodeId: l.nodeId } : {}),
});

const itemOf = (i: ItemNode): MenuItem => ({
  id: i.id ?? '',
  label: (i.label ?? {}) as Readonly<Record<string, string>>,
  link: linkOf(i.link),
  children: (i.children ?? []).map(itemOf),
});

const menuOf = (m: MenuResult | null | undefined): Menu => {
  if (!m) throw new Error('no menu in the answer');
  return { id: m.id ?? '', handle: m.handle ?? '', name: m.name ?? '', items: (m.items ?? []).map(itemOf) };
};

/** The editor's item tree as the mutation takes it (three levels, as the server allows). */
const itemsInputOf = (items: readonly MenuItemInput[]): ItemsInput =>
  items.map(({ label, link, children }) => ({
    label,
    link: { ...link },
    children: (children ?? []).map((sub) => ({
      label: sub.label,
      link: { ...sub.link },
      children: (sub.children ?? []).map((leaf) => ({ label: leaf.label, link: { ...leaf.link } })),
    })),
  }));

export const menusQuery = queryOptions({
  queryKey: ['menus', 'list'],
  queryFn: async (): Promise<{ items: MenuSummary[] }> => ({
    items: ((await gql(MenuListDocument)).menus ?? []).map((m) => ({ id: m.id ?? '', handle: m.handle ?? '', name: m.name ?? '' })),
  }),
});

export const menuQuery = (id: string) =>
  queryOptions({ queryKey: ['menus', 'menu', id], queryFn: async () => menuOf((await gql(MenuDocument, { id })).menu) });

export const createMenu = async (input: { handle: string; name: string }): Promise<{ id: string }> => ({
  id: (await gql(CreateMenuDocument, { input })).createMenu?.id ?? '',
});

/** Changes the name and handle, and replaces the whole item tree. */
export const updateMenu = async ({ id, items, ...input }: { id: string; handle: string; name: string; items: readonly MenuItemInput[] }) =>
  menuOf((await gql(UpdateMenuDocument, { id, input: { ...input, items: itemsInputOf(items) } })).updateMenu);
