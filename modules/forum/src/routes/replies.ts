/// <reference types="@fastify/swagger" />

import { contextOf } from '@rustok/api';
import { NodeSchema, Page } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { problem, tags } from '../context.js';
import { CreateReplyInput, ListRepliesQuery, UpdateReplyInput } from '../schemas.js';

import { createReply } from '../use-cases/create-reply.js';

import { listReplies } from '../use-cases/list-replies.js';

import { updateReply } from '../use-cases/update-reply.js';

const IdParams = Type.Object({ id: Id() });
const ReplyParams = Type.Object({ id: Id(), replyId: Id() });

/** Replies of a topic (kind `reply`, parent = topic). */
export const replyRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Static<typeof IdParams>; Querystring: ListRepliesQuery }>(
    '/forum/topics/:id/replies',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "A topic's replies, newest first",
        params: IdParams,
        querystring: ListRepliesQuery,
        response: { 200: Page(NodeSchema), 404: problem },
      },
    },
    async (request) => listReplies(contextOf(request), request.params.id, request.query),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: CreateReplyInput }>(
    '/forum/topics/:id/replies',
    {
      config: { access: { permission: 'forum.replies.create' } },
      schema: {
        tags,
        summary: 'Reply to a topic (409 FORUM_TOPIC_LOCKED when locked)',
        params: IdParams,
        body: CreateReplyInput,
        response: { 201: NodeSchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createReply(contextOf(request), request.params.id, request.body)),
  );
  app.patch<{ Params: Static<typeof ReplyParams>; Body: UpdateReplyInput }>(
    '/forum/topics/:id/replies/:replyId',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Edit a reply (forum.replies.update_own for your own, forum.topics.moderate for any)',
        params: ReplyParams,
        body: UpdateReplyInput,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateReply(contextOf(request), request.params.id, request.params.replyId, request.body),
  );
};
