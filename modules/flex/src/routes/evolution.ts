/// <reference types="@fastify/swagger" />
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { flexContextOf as contextOf } from '../context.js';
import { PageQuery, PreviewSchemaInput, SchemaPreview, SchemaValidation } from '../schemas.js';
import { previewSchema } from '../use-cases/preview-schema.js';
import { schemaValidation } from '../use-cases/revalidate-status.js';

/** Any slug is looked up (an unknown one is a 404, not a validation error). */
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }) });
type SlugParams = Static<typeof SlugParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['flex'];
const manage = { access: { permission: 'flex.schemas.manage' } };

/** Schema evolution under /api/v1/flex: a change previewed before it is made, and the revalidation after it. */
export const evolutionRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: SlugParams; Body: PreviewSchemaInput }>(
    '/flex/schemas/:slug/preview',
    {
      config: manage,
      schema: {
        tags,
        summary: 'What new fields (and mappings) would change and which entries would fail them; nothing is written',
        params: SlugParams,
        body: PreviewSchemaInput,
        response: { 200: SchemaPreview, 404: problem, 422: problem },
      },
    },
    async (request) => previewSchema(contextOf(request), request.params.slug, request.body),
  );
  app.get<{ Params: SlugParams; Querystring: PageQuery }>(
    '/flex/schemas/:slug/validation',
    {
      config: manage,
      schema: {
        tags,
        summary: "The entries' revalidation against the current version, and a page of those that fail it",
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: SchemaValidation, 404: problem, 422: problem },
      },
    },
    async (request) => schemaValidation(contextOf(request), request.params.slug, request.query),
  );
};
