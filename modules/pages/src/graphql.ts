import { addDeleteMutation } from '@rustok/api';
import { contentNodeRefs, defined, idArg, pageArgs, translationInputFields } from '@rustok/content/kit';
import type { GraphQLBuilder } from '@rustok/kernel';

import { graphqlPagesContextOf as contextOf } from './context.js';
import { addMenuFields } from './graphql-menus.js';

import type { CreatePageInput, Page, PageBlock, PutBlocksInput, UpdatePageInput } from './schemas.js';

import { createPage } from './use-cases/create-page.js';

import { deletePage } from './use-cases/delete-page.js';

import { getPage } from './use-cases/get-page.js';

import { getPageBySlug } from './use-cases/get-page-by-slug.js';

import { listPages } from './use-cases/list-pages.js';

import { publishPage } from './use-cases/publish-page.js';

import { putBlocks } from './use-cases/put-blocks.js';

import { updatePage } from './use-cases/update-page.js';

const addTypes = (builder: GraphQLBuilder) => {
  const { Fields } = contentNodeRefs(builder);
  const Block = builder.objectRef<PageBlock>('PageBlock').implement({
    description: 'A typed block of a page (hero, rich_text, image, product_grid); data is checked against the type',
    fields: (t) => ({
      id: t.exposeID('id'),
      position: t.exposeInt('position'),
      type: t.exposeString('type'),
      data: t.field({ type: 'JSON', resolve: (b) => b.data }),
    }),
  });
  const PageRef = builder.objectRef<Page>('Page').implement({
    description: 'A page: its content node (in one resolved locale) and its blocks in order',
    interfaces: [Fields],
    fields: (t) => ({ blocks: t.field({ type: [Block], resolve: (p) => p.blocks }) }),
  });
  const BlockInput = builder.inputType('PageBlockInput', {
    fields: (t) => ({ type: t.string({ required: true }), data: t.field({ type: 'JSON', required: true }) }),
  });
  const pageInput = (name: string, create: boolean) =>
    builder.inputType(name, {
      fields: (t) => ({
        ...translationInputFields(t, create),
        position: t.int(),
        ...(create ? { parentId: t.id(), blocks: t.field({ type: [BlockInput] }) } : {}),
      }),
    });
  const Filter = builder.inputType('PageFilter', { fields: (t) => ({ locale: t.string(), parent: t.id() }) });
  return { PageRef, BlockInput, Filter, Create: pageInput('CreatePageInput', true), Update: pageInput('UpdatePageInput', false) };
};

/** Reads are public (published only without pages.pages.read); the list holds nodes without blocks, as over REST. */
const addQueries = (builder: GraphQLBuilder, { PageRef, Filter }: ReturnType<typeof addTypes>): void => {
  const { Connection } = contentNodeRefs(builder);
  builder.queryField('pages', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { filter: t.arg({ type: Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listPages(contextOf(ctx), { ...defined({ ...(args.filter ?? {}) }), ...pageArgs(args) }),
    }),
  );
  builder.queryField('page', (t) =>
    t.field({
      type: PageRef,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getPage(contextOf(ctx), idArg(args.id), args.locale ?? undefined),
    }),
  );
  builder.queryField('pageBySlug', (t) =>
    t.field({
      type: PageRef,
      authScopes: { public: true },
      args: { slug: t.arg.string({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getPageBySlug(contextOf(ctx), args.slug, args.locale ?? undefined),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, { PageRef, BlockInput, Create, Update }: ReturnType<typeof addTypes>): void => {
  builder.mutationField('createPage', (t) =>
    t.field({
      type: PageRef,
      authScopes: { permission: 'pages.pages.create' },
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createPage(contextOf(ctx), defined({ ...args.input }) as CreatePageInput),
    }),
  );
  builder.mutationField('updatePage', (t) =>
    t.field({
      type: PageRef,
      authScopes: { permission: 'pages.pages.update' },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) => updatePage(contextOf(ctx), idArg(args.id), defined({ ...args.input }) as UpdatePageInput),
    }),
  );
  builder.mutationField('publishPage', (t) =>
    t.field({
      type: PageRef,
      authScopes: { permission: 'pages.pages.publish' },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => publishPage(contextOf(ctx), idArg(args.id)),
    }),
  );
  builder.mutationField('putPageBlocks', (t) =>
    t.field({
      type: PageRef,
      authScopes: { permission: 'pages.pages.update' },
      args: { id: t.arg.id({ required: true }), blocks: t.arg({ type: [BlockInput], required: true }) },
      resolve: (_root, args, ctx) => putBlocks(contextOf(ctx), idArg(args.id), { blocks: args.blocks } as PutBlocksInput),
    }),
  );
  addDeleteMutation(builder, 'deletePage', { authScopes: { permission: 'pages.pages.delete' }, contextOf: contextOf, remove: deletePage });
};

/** The pages module's GraphQL: pages with blocks and menus, the operations of its REST routes over the same use-cases. */
export const pagesGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
  addMenuFields(builder);
};
