import { addDeleteMutation } from '@rustok/api';
import { defined, type InputFieldBuilder, idArg } from '@rustok/content/kit';
import type { GraphQLBuilder } from '@rustok/kernel';

import { graphqlPagesContextOf as contextOf } from './context.js';
import type { CreateMenuInput, Menu, MenuItem, MenuLink, UpdateMenuInput } from './menu-schemas.js';

import { createMenu } from './use-cases/create-menu.js';

import { deleteMenu, getMenu, getMenuByHandle, listMenus } from './use-cases/menus.js';

import { updateMenu } from './use-cases/update-menu.js';

/** A menu item as GraphQL hands it over (optional fields may be null). */
interface ItemArg {
  label: unknown;
  link: { type: string; pageId?: string | number | null; url?: string | null; nodeId?: string | number | null };
  children?: ItemArg[] | null;
}

/** GraphQL's nulls dropped from an item tree (the use-case checks it against the REST schema). */
const itemsOf = (items: readonly ItemArg[]): unknown[] =>
  items.map(({ label, link, children }) => ({
    label,
    link: defined({ ...link }),
    ...(children ? { children: itemsOf(children) } : {}),
  }));

const addTypes = (builder: GraphQLBuilder) => {
  const Link = builder.objectRef<MenuLink>('MenuLink').implement({
    description: 'Where an item leads: `type` says which of pageId, url and nodeId is set',
    fields: (t) => ({
      type: t.exposeString('type'),
      pageId: t.string({ nullable: true, resolve: (l) => l.pageId ?? null }),
      url: t.string({ nullable: true, resolve: (l) => l.url ?? null }),
      nodeId: t.string({ nullable: true, resolve: (l) => l.nodeId ?? null }),
    }),
  });
  const Item = builder.objectRef<MenuItem>('MenuItem');
  Item.implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      label: t.field({ type: 'JSON', description: 'Locale → text', resolve: (i) => i.label }),
      link: t.field({ type: Link, resolve: (i) => i.link }),
      children: t.field({ type: [Item], resolve: (i) => i.children }),
    }),
  });
  const MenuRef = builder.objectRef<Menu>('Menu').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      handle: t.exposeString('handle'),
      name: t.exposeString('name'),
      items: t.field({ type: [Item], resolve: (m) => m.items }),
    }),
  });
  const Summary = builder.objectRef<Pick<Menu, 'id' | 'handle' | 'name'>>('MenuSummary').implement({
    fields: (t) => ({ id: t.exposeID('id'), handle: t.exposeString('handle'), name: t.exposeString('name') }),
  });
  return { MenuRef, Summary };
};

/**
 * Item inputs are unrolled to three levels (MAX_MENU_DEPTH) rather than recursive, as the REST schema is:
 * a recursive input type makes the JIT compilation of an operation's variables take seconds.
 */
const addInputs = (builder: GraphQLBuilder) => {
  const LinkInput = builder.inputType('MenuLinkInput', {
    fields: (t) => ({ type: t.string({ required: true }), pageId: t.id(), url: t.string(), nodeId: t.id() }),
  });
  const itemFields = (t: InputFieldBuilder) => ({
    label: t.field({ type: 'JSON', required: true, description: 'Locale → text' }),
    link: t.field({ type: LinkInput, required: true }),
  });
  const Leaf = builder.inputType('MenuLeafItemInput', {
    description: 'A menu item at the deepest level (no children)',
    fields: (t) => itemFields(t),
  });
  const Sub = builder.inputType('MenuSubItemInput', {
    description: 'A menu item at level 2',
    fields: (t) => ({ ...itemFields(t), children: t.field({ type: [Leaf] }) }),
  });
  const Item = builder.inputType('MenuItemInput', {
    description: 'A top-level menu item',
    fields: (t) => ({ ...itemFields(t), children: t.field({ type: [Sub] }) }),
  });
  const menuInput = (name: string, create: boolean) =>
    builder.inputType(name, {
      fields: (t) => ({ handle: t.string({ required: create }), name: t.string({ required: create }), items: t.field({ type: [Item] }) }),
    });
  return { Create: menuInput('CreateMenuInput', true), Update: menuInput('UpdateMenuInput', false) };
};

/** The menu's fields of an input, with its item tree cleaned of nulls. */
const menuInputOf = (input: { handle?: string | null; name?: string | null; items?: readonly object[] | null }) => {
  const { items, ...rest } = defined({ ...input });
  return { ...rest, ...(items ? { items: itemsOf(items as ItemArg[]) } : {}) };
};

/** Menus: public reads, writes with pages.menus.manage (items, when given, replace the tree). */
export const addMenuFields = (builder: GraphQLBuilder): void => {
  const { MenuRef, Summary } = addTypes(builder);
  const { Create, Update } = addInputs(builder);
  const manage = { permission: 'pages.menus.manage' };
  builder.queryField('menus', (t) =>
    t.field({
      type: [Summary],
      authScopes: { public: true },
      resolve: async (_root, _args, ctx) => (await listMenus(contextOf(ctx))).items,
    }),
  );
  builder.queryField('menu', (t) =>
    t.field({
      type: MenuRef,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getMenu(contextOf(ctx), idArg(args.id)),
    }),
  );
  builder.queryField('menuByHandle', (t) =>
    t.field({
      type: MenuRef,
      authScopes: { public: true },
      args: { handle: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => getMenuByHandle(contextOf(ctx), args.handle),
    }),
  );
  builder.mutationField('createMenu', (t) =>
    t.field({
      type: MenuRef,
      authScopes: manage,
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createMenu(contextOf(ctx), menuInputOf(args.input) as CreateMenuInput),
    }),
  );
  builder.mutationField('updateMenu', (t) =>
    t.field({
      type: MenuRef,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) => updateMenu(contextOf(ctx), idArg(args.id), menuInputOf(args.input) as UpdateMenuInput),
    }),
  );
  addDeleteMutation(builder, 'deleteMenu', { authScopes: manage, contextOf: contextOf, remove: deleteMenu });
};
