/// <reference types="@fastify/swagger" />

import { contextOf } from '@rustok/api';
import { addNodeCrudRoutes, NodeSchema } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { problem, tags } from '../context.js';
import { CreatePostInput, ListPostsQuery, UpdatePostInput } from '../schemas.js';

import { createPost } from '../use-cases/create-post.js';

import { deletePost } from '../use-cases/delete-post.js';

import { getPost } from '../use-cases/get-post.js';

import { listPosts } from '../use-cases/list-posts.js';

import { publishPost } from '../use-cases/publish-post.js';

import { updatePost } from '../use-cases/update-post.js';

const IdParams = Type.Object({ id: Id() });

/** Posts: content nodes of kind `post` (the collection's five routes come from content's factory), and publishing. */
export const postRoutes: FastifyPluginAsync = async (app) => {
  addNodeCrudRoutes(app, {
    path: '/blog/posts',
    tags,
    schemas: { list: ListPostsQuery, create: CreatePostInput, update: UpdatePostInput },
    permissions: { create: 'blog.posts.create', delete: 'blog.posts.delete' },
    summaries: {
      list: 'Blog posts, newest first (published only without blog.posts.read)',
      create: 'Write a draft post',
      get: 'One post in a locale',
      update: 'Change a post (blog.posts.update, or update_own for your own); a revision is kept',
      delete: 'Delete a post and its comments',
    },
    list: listPosts,
    create: createPost,
    get: getPost,
    update: updatePost,
    remove: deletePost,
  });
  app.post<{ Params: Static<typeof IdParams> }>(
    '/blog/posts/:id/publish',
    {
      config: { access: { permission: 'blog.posts.publish' } },
      schema: { tags, summary: 'Publish a post now', params: IdParams, response: { 200: NodeSchema, 404: problem, 409: problem } },
    },
    async (request) => publishPost(contextOf(request), request.params.id),
  );
};
