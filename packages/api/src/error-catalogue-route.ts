import type { ErrorEntry } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type {} from './access.js';

const ErrorEntrySchema = Type.Object({
  code: Type.String(),
  status: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  owner: Type.String({ description: 'The module or platform package that declares the code' }),
});

/**
 * `GET /api/v1/errors`: every error code the deployment can answer with (problem+json `code`,
 * GraphQL `extensions.code`), with its status, title, meaning and owner. Public and the same for
 * every tenant: it runs without a resolved tenant.
 */
export const registerErrorCatalogueRoute = (app: FastifyInstance, entries: readonly ErrorEntry[]): void => {
  const body = { errors: entries.map(({ code, status, title, description, owner }) => ({ code, status, title, description, owner })) };
  app.get(
    '/api/v1/errors',
    {
      config: { access: { public: true, tenant: false } },
      schema: {
        tags: ['platform'],
        summary: 'The error catalogue: every code with its status and title',
        response: { 200: Type.Object({ errors: Type.Array(ErrorEntrySchema) }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return body;
    },
  );
};
