/// <reference types="@fastify/swagger" />
import { NodeSchema, Page } from '@rustok/content';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { contextOf, problem, tags } from '../context.js';
import { CreatePostInput, ListPostsQuery, UpdatePostInput } from '../schemas.js';
import { createPost } from '../use-cases/create-post.js';
import { deletePost } from '../use-cases/delete-post.js';
import { getPost } from '../use-cases/get-post.js';
import { listPosts } from '../use-cases/list-posts.js';
import { publishPost } from '../use-cases/publish-post.js';
import { updatePost } from '../use-cases/update-post.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const LocaleQuery = Type.Object(
  { locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })) },
  { additionalProperties: false },
);
const perm = (permission: string) => ({ access: { permission } });

/** Posts: content nodes of kind `post`. */
export const postRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListPostsQuery }>(
    '/blog/posts',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Blog posts, newest first (published only without blog.posts.read)',
        querystring: ListPostsQuery,
        response: { 200: Page(NodeSchema), 422: problem },
      },
    },
    async (request) => listPosts(contextOf(request), request.query),
  );
  app.post<{ Body: CreatePostInput }>(
    '/blog/posts',
    {
      config: perm('blog.posts.create'),
      schema: { tags, summary: 'Write a draft post', body: CreatePostInput, response: { 201: NodeSchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createPost(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams; Querystring: Static<typeof LocaleQuery> }>(
    '/blog/posts/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'One post in a locale',
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: NodeSchema, 404: problem, 422: problem },
      },
    },
    async (request) => getPost(contextOf(request), request.params.id, request.query.locale),
  );
  app.patch<{ Params: IdParams; Body: UpdatePostInput }>(
    '/blog/posts/:id',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Change a post (blog.posts.update, or update_own for your own); a revision is kept',
        params: IdParams,
        body: UpdatePostInput,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updatePost(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/blog/posts/:id',
    {
      config: perm('blog.posts.delete'),
      schema: { tags, summary: 'Delete a post and its comments', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deletePost(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post<{ Params: IdParams }>(
    '/blog/posts/:id/publish',
    {
      config: perm('blog.posts.publish'),
      schema: { tags, summary: 'Publish a post now', params: IdParams, response: { 200: NodeSchema, 404: problem, 409: problem } },
    },
    async (request) => publishPost(contextOf(request), request.params.id),
  );
};
