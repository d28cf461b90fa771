import { type GraphQLBuilder, parseId } from '@rustok/kernel';

import type { ContentNode, Paged } from './schemas.js';

/**
 * The GraphQL kit of content and of the modules built on it (blog, forum, pages): argument helpers
 * and the shared node types (the resolver's module context is `graphqlContextOf` of @rustok/api).
 */

/** Drops GraphQL's explicit nulls of optional inputs (null means "not given" in content's inputs). */
export const defined = <T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };

/** An `ID` argument as a canonical UUID (400 ID_INVALID otherwise). */
export const idArg = (value: string | number): string => parseId(String(value));

/** `first` / `after` of a list field as the `limit` / `cursor` of a use-case's query. */
export const pageArgs = (args: { first?: number | null; after?: string | null }): { limit: number; cursor?: string } => ({
  limit: args.first ?? 20,
  ...(args.after ? { cursor: args.after } : {}),
});

/** The field builder of an input type (what `builder.inputType(name, { fields: (t) => … })` hands over). */
export type InputFieldBuilder = Parameters<Parameters<GraphQLBuilder['inputType']>[1]['fields']>[0];

/** Translation fields of a node input (`locale` picks the translation; the title is required on create). */
export const translationInputFields = (t: InputFieldBuilder, titleRequired: boolean) => ({
  locale: t.string(),
  title: t.string({ required: titleRequired }),
  slug: t.string(),
  excerpt: t.string(),
  body: t.string(),
  bodyFormat: t.string({ description: 'markdown (default) or html' }),
});

const addNodeRefs = (builder: GraphQLBuilder) => {
  const Translation = builder.objectRef<ContentNode['translations'][number]>('ContentTranslationSummary').implement({
    fields: (t) => ({ locale: t.exposeString('locale'), title: t.exposeString('title'), slug: t.exposeString('slug') }),
  });
  const Fields = builder.interfaceRef<ContentNode>('ContentNodeFields').implement({
    description: 'The fields every content node type shares (ContentNode, Page), in one resolved locale',
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
  const Node = builder.objectRef<ContentNode>('ContentNode').implement({
    description: 'A content node (post, comment, topic, reply, page, …) in one resolved locale',
    interfaces: [Fields],
  });
  const Connection = builder.objectRef<Paged<ContentNode>>('ContentNodeConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Node], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  return { Fields, Node, Connection };
};

export type ContentNodeRefs = ReturnType<typeof addNodeRefs>;

const nodeRefs = new WeakMap<GraphQLBuilder, ContentNodeRefs>();

/**
 * The node types of a schema: `ContentNode`, `ContentNodeConnection` and the `ContentNodeFields`
 * interface (a module's own node type, such as Page, implements it). Created once per builder,
 * by whichever module asks first.
 */
export const contentNodeRefs = (builder: GraphQLBuilder): ContentNodeRefs => {
  let refs = nodeRefs.get(builder);
  if (!refs) {
    refs = addNodeRefs(builder);
    nodeRefs.set(builder, refs);
  }
  return refs;
};
