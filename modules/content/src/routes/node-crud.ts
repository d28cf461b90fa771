import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, type TObject, Type } from '@sinclair/typebox';

import type { FastifyInstance } from 'fastify';

import type { ContentContext } from '../context.js';

import { type ContentNode, NodeSchema, Page, type Paged } from '../schemas.js';

import { Locale } from '../settings.js';

import { problem } from './request.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const LocaleQuery = Type.Object({ locale: Type.Optional(Locale()) }, { additionalProperties: false });

/** A wrapper's node collection (blog posts, forum topics): its schemas, permissions, OpenAPI summaries and use-cases. */
export interface NodeCrudSpec<List extends TObject, Create extends TObject, Update extends TObject> {
  /** The collection's path below /api/v1 (`/blog/posts`); an item is `${path}/:id`. */
  readonly path: string;
  readonly tags: string[];
  readonly schemas: { readonly list: List; readonly create: Create; readonly update: Update };
  /** POST and DELETE need these; GETs are public and PATCH needs a caller (the use-case checks update or update_own). */
  readonly permissions: { readonly create: string; readonly delete: string };
  readonly summaries: {
    readonly list: string;
    readonly create: string;
    readonly get: string;
    readonly update: string;
    readonly delete: string;
  };
  readonly list: (ctx: ContentContext, query: Static<List>) => Promise<Paged<ContentNode>>;
  readonly create: (ctx: ContentContext, input: Static<Create>) => Promise<ContentNode>;
  readonly get: (ctx: ContentContext, id: string, locale?: string) => Promise<ContentNode>;
  readonly update: (ctx: ContentContext, id: string, input: Static<Update>) => Promise<ContentNode>;
  readonly remove: (ctx: ContentContext, id: string) => Promise<void>;
}

/** The five routes of a node collection: GET and POST on the collection, GET, PATCH and DELETE on an item. */
export const addNodeCrudRoutes = <List extends TObject, Create extends TObject, Update extends TObject>(
  app: FastifyInstance,
  spec: NodeCrudSpec<List, Create, Update>,
): void => {
  const { path, tags, schemas, summaries } = spec;
  const item = `${path}/:id`;
  app.get<{ Querystring: Static<List> }>(
    path,
    {
      config: { access: { public: true } },
      schema: { tags, summary: summaries.list, querystring: schemas.list, response: { 200: Page(NodeSchema), 422: problem } },
    },
    async (request) => spec.list(contextOf(request), request.query as Static<List>),
  );
  app.post<{ Body: Static<Create> }>(
    path,
    {
      config: { access: { permission: spec.permissions.create } },
      schema: { tags, summary: summaries.create, body: schemas.create, response: { 201: NodeSchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await spec.create(contextOf(request), request.body as Static<Create>)),
  );
  app.get<{ Params: IdParams; Querystring: Static<typeof LocaleQuery> }>(
    item,
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: summaries.get,
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: NodeSchema, 404: problem, 422: problem },
      },
    },
    async (request) => spec.get(contextOf(request), request.params.id, request.query.locale),
  );
  app.patch<{ Params: IdParams; Body: Static<Update> }>(
    item,
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: summaries.update,
        params: IdParams,
        body: schemas.update,
        response: { 200: NodeSchema, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => spec.update(contextOf(request), request.params.id, request.body as Static<Update>),
  );
  app.delete<{ Params: IdParams }>(
    item,
    {
      config: { access: { permission: spec.permissions.delete } },
      schema: { tags, summary: summaries.delete, params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await spec.remove(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
