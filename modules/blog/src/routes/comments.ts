/// <reference types="@fastify/swagger" />

import { contextOf } from '@rustok/api';
import { NodeSchema, Page } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { problem, tags } from '../context.js';
import { CreateCommentInput, ListCommentsQuery, ModerateInput } from '../schemas.js';

import { createComment } from '../use-cases/create-comment.js';

import { listCommentQueue } from '../use-cases/list-comment-queue.js';

import { listComments } from '../use-cases/list-comments.js';

import { moderateComment } from '../use-cases/moderate-comment.js';

const IdParams = Type.Object({ id: Id() });
const CommentParams = Type.Object({ id: Id(), commentId: Id() });

/** Comments of a post: threaded (metadata.replyTo) and moderated; the moderators' queue across posts. */
export const commentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListCommentsQuery }>(
    '/blog/comments',
    {
      config: { access: { permission: 'blog.comments.moderate' } },
      schema: {
        tags,
        summary: 'Comments waiting for moderation across posts, newest first, with their text (a page may hold fewer than limit)',
        querystring: ListCommentsQuery,
        response: { 200: Page(NodeSchema), 422: problem },
      },
    },
    async (request) => listCommentQueue(contextOf(request), request.query),
  );
  app.get<{ Params: Static<typeof IdParams>; Querystring: ListCommentsQuery }>(
    '/blog/posts/:id/comments',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "A post's comments, newest first (approved only without blog.comments.moderate)",
        params: IdParams,
        querystring: ListCommentsQuery,
        response: { 200: Page(NodeSchema), 404: problem },
      },
    },
    async (request) => listComments(contextOf(request), request.params.id, request.query),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: CreateCommentInput }>(
    '/blog/posts/:id/comments',
    {
      config: { access: { permission: 'blog.comments.create' } },
      schema: {
        tags,
        summary: 'Comment on a published post (pending unless blog.comments.autoApprove)',
        params: IdParams,
        body: CreateCommentInput,
        response: { 201: NodeSchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createComment(contextOf(request), request.params.id, request.body)),
  );
  app.post<{ Params: Static<typeof CommentParams>; Body: ModerateInput }>(
    '/blog/posts/:id/comments/:commentId/moderate',
    {
      config: { access: { permission: 'blog.comments.moderate' } },
      schema: {
        tags,
        summary: 'Approve, reject or re-queue a comment',
        params: CommentParams,
        body: ModerateInput,
        response: { 200: NodeSchema, 404: problem, 409: problem },
      },
    },
    async (request) => moderateComment(contextOf(request), request.params.id, request.params.commentId, request.body.status),
  );
};
