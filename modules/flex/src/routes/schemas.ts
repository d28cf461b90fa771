/// <reference types="@fastify/swagger" />
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { flexContextOf as contextOf } from '../context.js';
import { CreateSchemaInput, FlexSchema, ImportResult, PageQuery, SchemaExport, SchemaList, UpdateSchemaInput } from '../schemas.js';
import { createSchema } from '../use-cases/create-schema.js';
import { deleteSchema } from '../use-cases/delete-schema.js';
import { exportSchemas } from '../use-cases/export-schemas.js';
import { getSchema, getSchemaJsonSchema } from '../use-cases/get-schema.js';
import { importSchemas } from '../use-cases/import-schemas.js';
import { listSchemas } from '../use-cases/list-schemas.js';
import { updateSchema } from '../use-cases/update-schema.js';

/** Any slug is looked up (an unknown one is a 404, not a validation error). */
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }) });
type SlugParams = Static<typeof SlugParams>;
const JsonSchemaDocument = Type.Object({}, { additionalProperties: true, description: 'A JSON Schema 2020-12 document' });
const problem = { $ref: 'Problem#' } as const;
const tags = ['flex'];
const manage = { access: { permission: 'flex.schemas.manage' } };
const read = { access: { permission: 'flex.entries.read' } };

/** Reads: the list and one schema (flex.entries.read), its JSON Schema (public). */
const readRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PageQuery }>(
    '/flex/schemas',
    {
      config: read,
      schema: { tags, summary: 'Schemas of the tenant, oldest first', querystring: PageQuery, response: { 200: SchemaList, 422: problem } },
    },
    async (request) => listSchemas(contextOf(request), request.query),
  );
  app.get<{ Params: SlugParams }>(
    '/flex/schemas/:slug',
    {
      config: read,
      schema: { tags, summary: 'One schema, as it is now', params: SlugParams, response: { 200: FlexSchema, 404: problem } },
    },
    async (request) => getSchema(contextOf(request), request.params.slug),
  );
  app.get<{ Params: SlugParams }>(
    '/flex/schemas/:slug/json-schema',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "The JSON Schema of the current version's values (the shape only, for forms and docs)",
        params: SlugParams,
        response: { 200: JsonSchemaDocument, 404: problem },
      },
    },
    async (request, reply) =>
      reply.type('application/schema+json').send(await getSchemaJsonSchema(contextOf(request), request.params.slug)),
  );
};

/** Writes: flex.schemas.manage. */
const writeRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: CreateSchemaInput }>(
    '/flex/schemas',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Define a schema (version 1)',
        body: CreateSchemaInput,
        response: { 201: FlexSchema, 409: problem, 422: problem, 429: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createSchema(contextOf(request), request.body)),
  );
  app.patch<{ Params: SlugParams; Body: UpdateSchemaInput }>(
    '/flex/schemas/:slug',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename a schema, or give it new fields (a new version)',
        params: SlugParams,
        body: UpdateSchemaInput,
        response: { 200: FlexSchema, 404: problem, 422: problem, 429: problem },
      },
    },
    async (request) => updateSchema(contextOf(request), request.params.slug, request.body),
  );
  app.delete<{ Params: SlugParams }>(
    '/flex/schemas/:slug',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a schema with its entries',
        params: SlugParams,
        response: { 204: Type.Null(), 404: problem, 429: problem },
      },
    },
    async (request, reply) => {
      await deleteSchema(contextOf(request), request.params.slug);
      return reply.status(204).send();
    },
  );
};

/** Moving schemas between environments: export every schema, import a document (idempotent). */
const transferRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/flex/export',
    { config: manage, schema: { tags, summary: 'Every schema of the tenant as one document', response: { 200: SchemaExport } } },
    async (request) => exportSchemas(contextOf(request)),
  );
  app.post<{ Body: SchemaExport }>(
    '/flex/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create or update schemas from an exported document, all or nothing',
        body: SchemaExport,
        response: { 200: ImportResult, 409: problem, 422: problem, 429: problem },
      },
    },
    async (request) => importSchemas(contextOf(request), request.body),
  );
};

/** Schemas under /api/v1/flex. Handlers call use-cases only; the use-cases check permissions again. */
export const schemaRoutes: FastifyPluginAsync = async (app) => {
  await app.register(readRoutes);
  await app.register(writeRoutes);
  await app.register(transferRoutes);
};
