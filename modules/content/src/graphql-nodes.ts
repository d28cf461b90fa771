import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import type { GraphQLBuilder } from '@rustok/kernel';

import { contentNodeRefs, defined, idArg, pageArgs, translationInputFields } from './graphql-kit.js';
import type { CreateNodeInput, UpdateNodeInput } from './schemas.js';

import { createNode } from './use-cases/create-node.js';

import { deleteNode } from './use-cases/delete-node.js';

import { getNode } from './use-cases/get-node.js';

import { listNodes, type NodeFilter } from './use-cases/list-nodes.js';

import { publishNode } from './use-cases/transition-node.js';

import { updateNode } from './use-cases/update-node.js';

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
  const Create = builder.inputType('CreateContentNodeInput', {
    fields: (t) => ({
      kind: t.string({ required: true }),
      ...translationInputFields(t, true),
      parentId: t.id(),
      categoryId: t.id(),
      tagIds: t.idList(),
      position: t.int(),
      metadata: t.field({ type: 'JSON' }),
    }),
  });
  const Update = builder.inputType('UpdateContentNodeInput', {
    fields: (t) => ({
      ...translationInputFields(t, false),
      categoryId: t.id(),
      tagIds: t.idList(),
      position: t.int(),
      metadata: t.field({ type: 'JSON' }),
    }),
  });
  return { Filter, Create, Update };
};

/** Node queries (public: published only without content.nodes.read) and writes, each with its use-case's permission. */
export const addNodeFields = (builder: GraphQLBuilder): void => {
  const { Node, Connection } = contentNodeRefs(builder);
  const { Filter, Create, Update } = addInputs(builder);
  builder.queryField('contentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getNode(graphqlContextOf(ctx), idArg(args.id), args.locale ?? undefined),
    }),
  );
  builder.queryField('contentNodes', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { filter: t.arg({ type: Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) =>
        listNodes(graphqlContextOf(ctx), { ...(defined({ ...(args.filter ?? {}) }) as NodeFilter), ...pageArgs(args) }),
    }),
  );
  builder.mutationField('createContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'content.nodes.create' },
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createNode(graphqlContextOf(ctx), defined({ ...args.input }) as unknown as CreateNodeInput),
    }),
  );
  builder.mutationField('updateContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) =>
        updateNode(graphqlContextOf(ctx), idArg(args.id), defined({ ...args.input }) as unknown as UpdateNodeInput),
    }),
  );
  builder.mutationField('publishContentNode', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'content.nodes.publish' },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => publishNode(graphqlContextOf(ctx), idArg(args.id)),
    }),
  );
  addDeleteMutation(builder, 'deleteContentNode', {
    authScopes: { permission: 'content.nodes.delete' },
    contextOf: graphqlContextOf,
    remove: deleteNode,
  });
};
