import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import {
  CreateNodeInput,
  ListNodesQuery,
  NodeSchema,
  Page,
  RevisionSchema,
  TransitionInput,
  TranslationInput,
  UpdateNodeInput,
} from '../schemas.js';

import { Locale } from '../settings.js';

import { createNode } from '../use-cases/create-node.js';

import { deleteNode } from '../use-cases/delete-node.js';

import { getNode } from '../use-cases/get-node.js';

import { listNodes } from '../use-cases/list-nodes.js';

import { listRevisions } from '../use-cases/list-revisions.js';

import { putTranslation } from '../use-cases/put-translation.js';

import { restoreRevision } from '../use-cases/restore-revision.js';

import { publishNode, transitionNode } from '../use-cases/transition-node.js';

import { updateNode } from '../use-cases/update-node.js';

import { problem, tags } from './request.js';

const IdParams = Type.Object({ id: Id() });
const LocaleQuery = Type.Object({ locale: Type.Optional(Locale()) }, { additionalProperties: false });
const perm = (permission: string) => ({ access: { permission } });
const publicRead = { access: { public: true } };
const own = { access: { authenticated: true } };
const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })),
});

/** Nodes: CRUD, status transitions, translations and revisions. */
export const nodeRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListNodesQuery }>(
    '/content/nodes',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Content nodes, newest first (published only without content.nodes.read)',
        querystring: ListNodesQuery,
        response: { 200: Page(NodeSchema), 422: problem },
      },
    },
    async (request) => listNodes(contextOf(request), request.query),
  );
  app.post<{ Body: CreateNodeInput }>(
    '/content/nodes',
    {
      config: perm('content.nodes.create'),
      schema: { tags, summary: 'Create a draft node', body: CreateNodeInput, response: { 201: NodeSchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createNode(contextOf(request), request.body)),
  );
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LocaleQuery> }>(
    '/content/nodes/:id',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One node in a locale (requested → tenant default → any)',
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: NodeSchema, 404: problem, 422: problem },
      },
    },
    async (request) => getNode(contextOf(request), request.params.id, request.query.locale),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: UpdateNodeInput }>(
    '/content/nodes/:id',
    {
      config: own,
      schema: {
        tags,
        summary: 'Change a node (content.nodes.update, or update_own for your own)',
        params: IdParams,
        body: UpdateNodeInput,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateNode(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/content/nodes/:id',
    {
      config: perm('content.nodes.delete'),
      schema: { tags, summary: 'Delete a node and its subtree', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteNode(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  statusRoutes(app);
  revisionRoutes(app);
};

const statusRoutes = (app: FastifyInstance): void => {
  app.post<{ Params: Static<typeof IdParams> }>(
    '/content/nodes/:id/publish',
    {
      config: perm('content.nodes.publish'),
      schema: { tags, summary: 'Publish a node now', params: IdParams, response: { 200: NodeSchema, 404: problem, 409: problem } },
    },
    async (request) => publishNode(contextOf(request), request.params.id),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: TransitionInput }>(
    '/content/nodes/:id/transitions',
    {
      config: perm('content.nodes.publish'),
      schema: {
        tags,
        summary: 'Move a node along draft → (scheduled →) published → archived → draft',
        params: IdParams,
        body: TransitionInput,
        response: { 200: NodeSchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => transitionNode(contextOf(request), request.params.id, request.body),
  );
  app.put<{ Params: Static<typeof IdParams> & { locale: string }; Body: TranslationInput }>(
    '/content/nodes/:id/translations/:locale',
    {
      config: own,
      schema: {
        tags,
        summary: "Create or replace a node's translation",
        params: Type.Object({ id: Id(), locale: Locale() }),
        body: TranslationInput,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => putTranslation(contextOf(request), request.params.id, request.params.locale, request.body),
  );
};

const revisionRoutes = (app: FastifyInstance): void => {
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PageQuery> }>(
    '/content/nodes/:id/revisions',
    {
      config: perm('content.nodes.read'),
      schema: {
        tags,
        summary: "A node's revisions, newest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(RevisionSchema), 404: problem },
      },
    },
    async (request) => listRevisions(contextOf(request), request.params.id, request.query),
  );
  app.post<{ Params: Static<typeof IdParams> & { revisionId: string } }>(
    '/content/nodes/:id/revisions/:revisionId/restore',
    {
      config: own,
      schema: {
        tags,
        summary: 'Put back the content of a revision (as a new revision)',
        params: Type.Object({ id: Id(), revisionId: Id() }),
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => restoreRevision(contextOf(request), request.params.id, request.params.revisionId),
  );
};
