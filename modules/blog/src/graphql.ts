import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import { contentNodeRefs, defined, idArg, type NodeFilter, pageArgs, translationInputFields } from '@rustok/content/kit';
import type { GraphQLBuilder } from '@rustok/kernel';

import type { CreateCommentInput, CreatePostInput, UpdatePostInput } from './schemas.js';

import { createComment } from './use-cases/create-comment.js';

import { createPost } from './use-cases/create-post.js';

import { deletePost } from './use-cases/delete-post.js';

import { getPost } from './use-cases/get-post.js';

import { listComments } from './use-cases/list-comments.js';

import { listPosts } from './use-cases/list-posts.js';

import { moderateComment } from './use-cases/moderate-comment.js';

import { publishPost } from './use-cases/publish-post.js';

import { updatePost } from './use-cases/update-post.js';

const addInputs = (builder: GraphQLBuilder) => {
  const Filter = builder.inputType('BlogPostFilter', {
    fields: (t) => ({ status: t.string(), locale: t.string(), category: t.id(), tag: t.id(), author: t.id() }),
  });
  const postInput = (name: string, titleRequired: boolean) =>
    builder.inputType(name, {
      fields: (t) => ({
        ...translationInputFields(t, titleRequired),
        categoryId: t.id(),
        tagIds: t.idList(),
        position: t.int(),
        metadata: t.field({ type: 'JSON' }),
      }),
    });
  const Comment = builder.inputType('CreateBlogCommentInput', {
    fields: (t) => ({ body: t.string({ required: true }), replyTo: t.id(), locale: t.string() }),
  });
  const Moderation = builder.enumType('BlogModerationStatus', { values: ['pending', 'approved', 'rejected'] as const });
  return { Filter, Create: postInput('CreateBlogPostInput', true), Update: postInput('UpdateBlogPostInput', false), Comment, Moderation };
};

type Inputs = ReturnType<typeof addInputs>;

/** Posts: public reads (published only without blog.posts.read), writes with the same permissions as REST. */
const addPostFields = (builder: GraphQLBuilder, { Filter, Create, Update }: Inputs): void => {
  const { Node, Connection } = contentNodeRefs(builder);
  builder.queryField('blogPosts', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { filter: t.arg({ type: Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) =>
        listPosts(graphqlContextOf(ctx), { ...(defined({ ...(args.filter ?? {}) }) as NodeFilter), ...pageArgs(args) }),
    }),
  );
  builder.queryField('blogPost', (t) =>
    t.field({
      type: Node,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getPost(graphqlContextOf(ctx), idArg(args.id), args.locale ?? undefined),
    }),
  );
  builder.mutationField('createBlogPost', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'blog.posts.create' },
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createPost(graphqlContextOf(ctx), defined({ ...args.input }) as CreatePostInput),
    }),
  );
  builder.mutationField('updateBlogPost', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) => updatePost(graphqlContextOf(ctx), idArg(args.id), defined({ ...args.input }) as UpdatePostInput),
    }),
  );
  builder.mutationField('publishBlogPost', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'blog.posts.publish' },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => publishPost(graphqlContextOf(ctx), idArg(args.id)),
    }),
  );
  addDeleteMutation(builder, 'deleteBlogPost', {
    authScopes: { permission: 'blog.posts.delete' },
    contextOf: graphqlContextOf,
    remove: deletePost,
  });
};

/** Comments: approved ones are public, moderators (blog.comments.moderate) see every one and moderate them. */
const addCommentFields = (builder: GraphQLBuilder, { Comment, Moderation }: Inputs): void => {
  const { Node, Connection } = contentNodeRefs(builder);
  builder.queryField('blogComments', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: { postId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listComments(graphqlContextOf(ctx), idArg(args.postId), pageArgs(args)),
    }),
  );
  builder.mutationField('createBlogComment', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'blog.comments.create' },
      args: { postId: t.arg.id({ required: true }), input: t.arg({ type: Comment, required: true }) },
      resolve: (_root, args, ctx) => {
        const { replyTo, ...input } = defined({ ...args.input });
        const comment = { ...input, ...(replyTo === undefined ? {} : { replyTo: idArg(replyTo) }) } as CreateCommentInput;
        return createComment(graphqlContextOf(ctx), idArg(args.postId), comment);
      },
    }),
  );
  builder.mutationField('moderateBlogComment', (t) =>
    t.field({
      type: Node,
      authScopes: { permission: 'blog.comments.moderate' },
      args: {
        postId: t.arg.id({ required: true }),
        commentId: t.arg.id({ required: true }),
        status: t.arg({ type: Moderation, required: true }),
      },
      resolve: (_root, args, ctx) => moderateComment(graphqlContextOf(ctx), idArg(args.postId), idArg(args.commentId), args.status),
    }),
  );
};

/** The blog's GraphQL: the operations of its REST routes, over the same use-cases. */
export const blogGraphQL = (builder: GraphQLBuilder): void => {
  const inputs = addInputs(builder);
  addPostFields(builder, inputs);
  addCommentFields(builder, inputs);
};
