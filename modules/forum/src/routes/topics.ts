/// <reference types="@fastify/swagger" />

import { contextOf } from '@rustok/api';
import { addNodeCrudRoutes, NodeSchema } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { problem, tags } from '../context.js';
import { CreateTopicInput, ListTopicsQuery, LockInput, PinInput, UpdateTopicInput } from '../schemas.js';

import { createTopic } from '../use-cases/create-topic.js';

import { deleteTopic } from '../use-cases/delete-topic.js';

import { getTopic } from '../use-cases/get-topic.js';

import { listTopics } from '../use-cases/list-topics.js';

import { setTopicFlag } from '../use-cases/moderate-topic.js';

import { updateTopic } from '../use-cases/update-topic.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const perm = (permission: string) => ({ access: { permission } });

/** Topics: content nodes of kind `topic`, published when opened (the collection's five routes come from content's factory). */
export const topicRoutes: FastifyPluginAsync = async (app) => {
  addNodeCrudRoutes(app, {
    path: '/forum/topics',
    tags,
    schemas: { list: ListTopicsQuery, create: CreateTopicInput, update: UpdateTopicInput },
    permissions: { create: 'forum.topics.create', delete: 'forum.topics.delete' },
    summaries: {
      list: 'Forum topics, pinned first, then by last activity',
      create: 'Open a topic',
      get: 'One topic',
      update: 'Change a topic (forum.topics.update, or update_own for your own)',
      delete: 'Delete a topic and its replies',
    },
    list: listTopics,
    create: createTopic,
    get: getTopic,
    update: updateTopic,
    remove: deleteTopic,
  });
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
