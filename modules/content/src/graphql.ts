import type {} from '@rustok/events';
import { AppError, type GraphQLBuilder, type GraphQLContext, parseId } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import { actorOf, type ContentContext } from './context.js';
import type { ContentNode, CreateNodeInput, Paged, UpdateNodeInput } from './schemas.js';
import { createNode } from './use-cases/create-node.js';
import { deleteNode } from './use-cases/delete-node.js';
import { getNode } from './use-cases/get-node.js';
import { listNodes } from './use-cases/list-nodes.js';
import { publishNode } from './use-cases/transition-node.js';
import { updateNode } from './use-cases/update-node.js';

/** Mercurius adds the app to the resolver context; the platform's context holds tenant and caller. */
const contextOf = (ctx: GraphQLContext): ContentContext => {
  const app = (ctx as GraphQLContext & { app: FastifyInstance }).app;
  if (!ctx.tenant) throw new AppError('TENANT_REQUIRED', 'No tenant was resolved for this request', { status: 400 });
  return { db: app.rustok.db, events: app.events, tenantId: ctx.tenant.id, actor: actorOf(ctx.principal) };
};

/** Drops GraphQL's explicit nulls for optional inputs (null means "not given" here, except where documented). */
const defined = <T extends object>(input: T): T =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as T;

const addTypes = (builder: GraphQLBuilder) => {
  const Translation = builder.objectRef<ContentNode['translations'][number]>('ContentTranslationSummary').implement({
    fields: (t) => ({ locale: t.exposeString('locale'), title: t.exposeString('title'), slug: t.exposeString('slug') }),
  });
  const Node = builder.objectRef<ContentNode>('ContentNode').implement({
    description: 'A content node (post, page, topic, reply, …) in one resolved locale',
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.exposeString('kind'),
      parentId: t.exposeString('parentId', { nullable: true }),
      authorId: t.exposeString('authorId', { nullable: true }),
      categoryId: t.exposeString('categoryId', { nullable: true }),
      status: t.exposeString('status'),
      position: t.exposeInt('position'),
      depth: t.exposeInt('depth'),
      replyCount: t.exposeInt('replyCount'),
      metadata: t.field({ type: 'JSON', resolve: (n) => n.metadata }),
      publishAt: t.exposeString('publishAt', { nullable: true }),
      publishedAt: t.exposeString('publishedAt', { nullable: true }),
      revision: t.exposeInt('revision'),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
      tagIds: t.exposeStringList('tagIds'),
      locale: t.exposeString('locale'),
      title: t.exposeString('title'),
      slug: t.exposeString('slug'),
      excerpt: t.exposeString('excerpt', { nullable: true }),
      body: t.string({ nullable: true, resolve: (n) => n.body ?? null }),
      bodyFormat: t.string({ nullable: true, resolve: (n) => n.bodyFormat ?? null }),
      bodyHtml: t.string({ nullable: true, resolve: (n) => n.bodyHtml ?? null }),
      translations: t.field({ type: [Translation], resolve: (n) => n.translations }),
      allowedTransitions: t.stringList({ resolve: (n) => n.allowedTransitions }),
    }),
  });
  const Connection = builder.objectRef<Paged<ContentNode>>('ContentNodeConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Node], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  return { Node, Connection };
};

const addInputs = (builder: GraphQLBuilder) => {
  const Filter = builder.inputType('ContentNodeFilter', {
    fields: (t) => ({
      kind: t.string(),
      status: t.string(),
      locale: t.string(),
      category: t.id(),
      tag: t.id(),
      author: t.id(),
      parent: t.id(),
    }),
  });
  const translationFields = {
    title: 'string',
    slug: 'string',
    excerpt: 'string',
    body: 'string',
    bodyFormat: 'string',
  } as const;
  const Create = builder.inputType('CreateContentNodeInput', {
    fields: (t) => ({
      kind: t.string({ required: true }),
      locale: t.string(),
      ...Object.fromEntries(Object.keys(translationFields).map((k) => [k, t.string({ required: k === 'title' })])),
      parentId: t.id(),
      categoryId: t.id(),
      tagIds: t.idList(),
      position: t.int(),
      metadata: t.field({ type: 'JSON' }),
    }),
  });
  const Update = builder.inputType('UpdateContentNodeInput', {
    fields: (t) => ({
      locale: t.string(),
      ...Object.fromEntries(Object.keys(translationFields).map((k) => [k, t.string()])),
      categoryId: t.id(),
      tagIds: t.idList(),
      position: t.int(),
      metadata: t.field({ type: 'JSON' }),
    }),
  });
  return { Filter, Create, Update };
};

type Refs = ReturnType<typeof addTypes> & ReturnType<typeof addInputs>;

/** Writes: each with the permission of its use-case (update checks ownership inside). */
const addMutations = (builder: GraphQLBuilder, Node: Refs['Node'], Create: Refs['Create'], Update: Refs['Update']): void => {
  builder.mutationField('createContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'content.nodes.create' },
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createNode(contextOf(ctx), defined({ ...args.input }) as unknown as CreateNodeInput),
    }),
  );
  builder.mutationField('updateContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) =>
        updateNode(contextOf(ctx), parseId(String(args.id)), defined({ ...args.input }) as unknown as UpdateNodeInput),
    }),
  );
  builder.mutationField('publishContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'content.nodes.publish' },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => publishNode(contextOf(ctx), parseId(String(args.id))),
    }),
  );
  builder.mutationField('deleteContentNode', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: { permission: 'content.nodes.delete' },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteNode(contextOf(ctx), parseId(String(args.id)));
        return true;
      },
    }),
  );
};

/** Queries (public: published only without content.nodes.read) and mutations over the same use-cases as REST. */
export const contentGraphQL = (builder: GraphQLBuilder): void => {
  const { Node, Connection } = addTypes(builder);
  const { Filter, Create, Update } = addInputs(builder);
  builder.queryField('contentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getNode(contextOf(ctx), parseId(String(args.id)), args.locale ?? undefined),
    }),
  );
  builder.queryField('contentNodes', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { filter: t.arg({ type: Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) =>
        listNodes(contextOf(ctx), {
          ...defined({ ...(args.filter ?? {}) }),
          limit: args.first ?? 20,
          ...(args.after ? { cursor: args.after } : {}),
        } as Parameters<typeof listNodes>[1]),
    }),
  );
  addMutations(builder, Node, Create, Update);
};
