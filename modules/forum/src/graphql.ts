import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import { contentNodeRefs, defined, idArg, type NodeFilter, pageArgs, translationInputFields } from '@rustok/content/kit';
import type { GraphQLBuilder } from '@rustok/kernel';

import type { CreateReplyInput, CreateTopicInput, UpdateReplyInput, UpdateTopicInput } from './schemas.js';

import { createReply } from './use-cases/create-reply.js';

import { createTopic } from './use-cases/create-topic.js';

import { deleteTopic } from './use-cases/delete-topic.js';

import { getTopic } from './use-cases/get-topic.js';

import { listReplies } from './use-cases/list-replies.js';

import { listTopics } from './use-cases/list-topics.js';

import { setTopicFlag } from './use-cases/moderate-topic.js';

import { updateReply } from './use-cases/update-reply.js';

import { updateTopic } from './use-cases/update-topic.js';

const addInputs = (builder: GraphQLBuilder) => {
  const Filter = builder.inputType('ForumTopicFilter', {
    fields: (t) => ({ status: t.string(), locale: t.string(), category: t.id(), tag: t.id(), author: t.id() }),
  });
  const topicInput = (name: string, titleRequired: boolean) =>
    builder.inputType(name, {
      fields: (t) => ({ ...translationInputFields(t, titleRequired), categoryId: t.id(), tagIds: t.idList() }),
    });
  const replyInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ body: t.string({ required: true }), locale: t.string() }) });
  return {
    Filter,
    CreateTopic: topicInput('CreateForumTopicInput', true),
    UpdateTopic: topicInput('UpdateForumTopicInput', false),
    CreateReply: replyInput('CreateForumReplyInput'),
    UpdateReply: replyInput('UpdateForumReplyInput'),
  };
};

type Inputs = ReturnType<typeof addInputs>;

/** Topics: public reads (pinned first, then by last activity), writes with the permissions of the REST routes. */
const addTopicFields = (builder: GraphQLBuilder, { Filter, CreateTopic, UpdateTopic }: Inputs): void => {
  const { Node, Connection } = contentNodeRefs(builder);
  builder.queryField('forumTopics', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { filter: t.arg({ type: Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) =>
        listTopics(graphqlContextOf(ctx), { ...(defined({ ...(args.filter ?? {}) }) as NodeFilter), ...pageArgs(args) }),
    }),
  );
  builder.queryField('forumTopic', (t) =>
    t.field({
      type: Node,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getTopic(graphqlContextOf(ctx), idArg(args.id), args.locale ?? undefined),
    }),
  );
  builder.mutationField('createForumTopic', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'forum.topics.create' },
      args: { input: t.arg({ type: CreateTopic, required: true }) },
      resolve: (_root, args, ctx) => createTopic(graphqlContextOf(ctx), defined({ ...args.input }) as CreateTopicInput),
    }),
  );
  builder.mutationField('updateForumTopic', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTopic, required: true }) },
      resolve: (_root, args, ctx) => updateTopic(graphqlContextOf(ctx), idArg(args.id), defined({ ...args.input }) as UpdateTopicInput),
    }),
  );
  addDeleteMutation(builder, 'deleteForumTopic', {
    authScopes: { permission: 'forum.topics.delete' },
    contextOf: graphqlContextOf,
    remove: deleteTopic,
  });
  builder.mutationField('pinForumTopic', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'forum.topics.moderate' },
      args: { id: t.arg.id({ required: true }), pinned: t.arg.boolean({ required: true }) },
      resolve: (_root, args, ctx) => setTopicFlag(graphqlContextOf(ctx), idArg(args.id), { pinned: args.pinned }),
    }),
  );
  builder.mutationField('lockForumTopic', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'forum.topics.moderate' },
      args: { id: t.arg.id({ required: true }), locked: t.arg.boolean({ required: true }) },
      resolve: (_root, args, ctx) => setTopicFlag(graphqlContextOf(ctx), idArg(args.id), { locked: args.locked }),
    }),
  );
};

/** Replies: public reads; posting needs forum.replies.create; editing, update_own (author) or forum.topics.moderate. */
const addReplyFields = (builder: GraphQLBuilder, { CreateReply, UpdateReply }: Inputs): void => {
  const { Node, Connection } = contentNodeRefs(builder);
  builder.queryField('forumReplies', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { topicId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listReplies(graphqlContextOf(ctx), idArg(args.topicId), pageArgs(args)),
    }),
  );
  builder.mutationField('createForumReply', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'forum.replies.create' },
      args: { topicId: t.arg.id({ required: true }), input: t.arg({ type: CreateReply, required: true }) },
      resolve: (_root, args, ctx) =>
        createReply(graphqlContextOf(ctx), idArg(args.topicId), defined({ ...args.input }) as CreateReplyInput),
    }),
  );
  builder.mutationField('updateForumReply', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: {
        topicId: t.arg.id({ required: true }),
        replyId: t.arg.id({ required: true }),
        input: t.arg({ type: UpdateReply, required: true }),
      },
      resolve: (_root, args, ctx) =>
        updateReply(graphqlContextOf(ctx), idArg(args.topicId), idArg(args.replyId), defined({ ...args.input }) as UpdateReplyInput),
    }),
  );
};

/** The forum's GraphQL: the operations of its REST routes, over the same use-cases. */
export const forumGraphQL = (builder: GraphQLBuilder): void => {
  const inputs = addInputs(builder);
  addTopicFields(builder, inputs);
  addReplyFields(builder, inputs);
};
