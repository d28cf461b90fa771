/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { flexContextOf as contextOf } from '../context.js';
import { CreateEntryInput, EntryList, FlexEntry, ListEntriesQuery, SchemaSlug, UpdateEntryInput } from '../schemas.js';
import { createEntry } from '../use-cases/create-entry.js';
import { deleteEntry } from '../use-cases/delete-entry.js';
import { getEntry } from '../use-cases/get-entry.js';
import { listEntries } from '../use-cases/list-entries.js';
import { publishEntry, unpublishEntry } from '../use-cases/publish-entry.js';
import { updateEntry } from '../use-cases/update-entry.js';

const SlugParams = Type.Object({ slug: SchemaSlug() });
type SlugParams = Static<typeof SlugParams>;
const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['flex'];
const publicRead = { access: { public: true } };
const needs = (permission: string) => ({ access: { permission } });

/** Reads: public (published entries, their public fields); with flex.entries.read every status and value. */
const readRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: SlugParams; Querystring: ListEntriesQuery }>(
    '/flex/schemas/:slug/entries',
    {
      config: publicRead,
      schema: {
        tags,
        summary: "A page of the schema's entries, newest first",
        params: SlugParams,
        querystring: ListEntriesQuery,
        response: { 200: EntryList, 404: problem, 422: problem },
      },
    },
    async (request) => listEntries(contextOf(request), request.params.slug, request.query),
  );
  app.get<{ Params: IdParams }>(
    '/flex/entries/:id',
    {
      config: publicRead,
      schema: { tags, summary: 'One entry', params: IdParams, response: { 200: FlexEntry, 404: problem } },
    },
    async (request) => getEntry(contextOf(request), request.params.id),
  );
};

/** Writes: flex.entries.create and .update; values are checked against the schema's current version. */
const writeRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: SlugParams; Body: CreateEntryInput }>(
    '/flex/schemas/:slug/entries',
    {
      config: needs('flex.entries.create'),
      schema: {
        tags,
        summary: 'Create an entry; its values are checked against the schema',
        params: SlugParams,
        body: CreateEntryInput,
        response: { 201: FlexEntry, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createEntry(contextOf(request), request.params.slug, request.body)),
  );
  app.patch<{ Params: IdParams; Body: UpdateEntryInput }>(
    '/flex/entries/:id',
    {
      config: needs('flex.entries.update'),
      schema: {
        tags,
        summary: "Change an entry's slug or replace its values",
        params: IdParams,
        body: UpdateEntryInput,
        response: { 200: FlexEntry, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateEntry(contextOf(request), request.params.id, request.body),
  );
};

/** Publishing (flex.entries.publish) and deleting (flex.entries.delete). */
const lifecycleRoutes: FastifyPluginAsync = async (app) => {
  const statusRoute = (action: 'publish' | 'unpublish', summary: string, run: typeof publishEntry) =>
    app.post<{ Params: IdParams }>(
      `/flex/entries/:id/${action}`,
      {
        config: needs('flex.entries.publish'),
        schema: { tags, summary, params: IdParams, response: { 200: FlexEntry, 404: problem, 422: problem } },
      },
      async (request) => run(contextOf(request), request.params.id),
    );
  statusRoute('publish', 'Publish an entry (its values must satisfy the current version)', publishEntry);
  statusRoute('unpublish', 'Return an entry to draft', unpublishEntry);
  app.delete<{ Params: IdParams }>(
    '/flex/entries/:id',
    {
      config: needs('flex.entries.delete'),
      schema: { tags, summary: 'Delete an entry', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteEntry(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

/**
 * Standalone entries of a tenant's schemas. Reads are public (published entries, public fields); with
 * flex.entries.read every status and value. Writes need flex.entries.{create,update,publish,delete}.
 */
export const entryRoutes: FastifyPluginAsync = async (app) => {
  await readRoutes(app, {});
  await writeRoutes(app, {});
  await lifecycleRoutes(app, {});
};
