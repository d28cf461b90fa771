/// <reference types="@fastify/swagger" />
import { NodeSchema, Page } from '@rustok/content';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { contextOf, problem, tags } from '../context.js';
import { CreateTopicInput, ListTopicsQuery, LockInput, PinInput, UpdateTopicInput } from '../schemas.js';
import { createTopic } from '../use-cases/create-topic.js';
import { deleteTopic } from '../use-cases/delete-topic.js';
import { getTopic } from '../use-cases/get-topic.js';
import { listTopics } from '../use-cases/list-topics.js';
import { setTopicFlag } from '../use-cases/moderate-topic.js';
import { updateTopic } from '../use-cases/update-topic.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const LocaleQuery = Type.Object(
  { locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })) },
  { additionalProperties: false },
);
const perm = (permission: string) => ({ access: { permission } });

/** Topics: content nodes of kind `topic`, published when opened. */
export const topicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListTopicsQuery }>(
    '/forum/topics',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Forum topics, newest first',
        querystring: ListTopicsQuery,
        response: { 200: Page(NodeSchema), 422: problem },
      },
    },
    async (request) => listTopics(contextOf(request), request.query),
  );
  app.post<{ Body: CreateTopicInput }>(
    '/forum/topics',
    {
      config: perm('forum.topics.create'),
      schema: { tags, summary: 'Open a topic', body: CreateTopicInput, response: { 201: NodeSchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createTopic(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams; Querystring: Static<typeof LocaleQuery> }>(
    '/forum/topics/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'One topic',
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: NodeSchema, 404: problem, 422: problem },
      },
    },
    async (request) => getTopic(contextOf(request), request.params.id, request.query.locale),
  );
  app.patch<{ Params: IdParams; Body: UpdateTopicInput }>(
    '/forum/topics/:id',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Change a topic (forum.topics.update, or update_own for your own)',
        params: IdParams,
        body: UpdateTopicInput,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateTopic(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/forum/topics/:id',
    {
      config: perm('forum.topics.delete'),
      schema: { tags, summary: 'Delete a topic and its replies', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteTopic(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  flagRoutes(app);
};

const flagRoutes = (app: FastifyInstance): void => {
  app.post<{ Params: IdParams; Body: PinInput }>(
    '/forum/topics/:id/pin',
    {
      config: perm('forum.topics.moderate'),
      schema: { tags, summary: 'Pin or unpin a topic', params: IdParams, body: PinInput, response: { 200: NodeSchema, 404: problem } },
    },
    async (request) => setTopicFlag(contextOf(request), request.params.id, { pinned: request.body.pinned }),
  );
  app.post<{ Params: IdParams; Body: LockInput }>(
    '/forum/topics/:id/lock',
    {
      config: perm('forum.topics.moderate'),
      schema: {
        tags,
        summary: 'Lock or unlock a topic (a locked topic takes no replies)',
        params: IdParams,
        body: LockInput,
        response: { 200: NodeSchema, 404: problem },
      },
    },
    async (request) => setTopicFlag(contextOf(request), request.params.id, { locked: request.body.locked }),
  );
};
