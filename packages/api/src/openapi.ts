import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ErrorEntry } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import { bodyLimitTransform, bodyLimitTransformObject, globalBodyLimitText } from './body-limits.js';
import { ProblemSchema } from './problem.js';
import { rateLimitTransform } from './rate-limit.js';

export interface OpenApiOptions {
  readonly version: string;
  /** `server.body_limit_bytes`: stated in the document and on every request body without its own limit. */
  readonly bodyLimit: number;
  /** Rate limits are on: operations list their 429 answer. */
  readonly rateLimited?: boolean;
  /** The error catalogue: the document's `ErrorCode` schema enumerates it, and Problem's `code` refers to it. */
  readonly errors?: readonly ErrorEntry[];
}

type OpenApiDocument = { components?: { schemas?: Record<string, Record<string, unknown>> } } & Record<string, unknown>;

/**
 * `components.schemas.ErrorCode`: a string enum of every code, with `x-enum-descriptions` (read by
 * client generators) and `x-error-codes` (status, title, description and owner of each code).
 */
const errorCodeSchema = (errors: readonly ErrorEntry[]) => ({
  type: 'string',
  description: 'Every code an error answer can carry; GET /api/v1/errors serves the same catalogue.',
  enum: errors.map((e) => e.code),
  'x-enum-descriptions': errors.map((e) => `${e.status} ${e.title}${e.description ? `: ${e.description}` : ''}`),
  'x-error-codes': errors.map(({ code, status, title, description, owner }) => ({ code, status, title, description, owner })),
});

const withErrorCodes = (document: OpenApiDocument, errors: readonly ErrorEntry[]): OpenApiDocument => {
  const schemas = document.components?.schemas ?? {};
  const problem = schemas.Problem as { properties?: Record<string, unknown> } | undefined;
  if (problem?.properties) problem.properties.code = { $ref: '#/components/schemas/ErrorCode' };
  document.components = { ...document.components, schemas: { ...schemas, ErrorCode: errorCodeSchema(errors) } };
  return document;
};

/** OpenAPI 3.1 built from the route schemas; UI at /swagger, document at /swagger/json. */
export const registerOpenApi = async (app: FastifyInstance, options: OpenApiOptions): Promise<void> => {
  app.addSchema(ProblemSchema);
  const bodyLimits = bodyLimitTransform(options.bodyLimit);
  const rateLimits = rateLimitTransform(options.rateLimited === true);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'RusToK API',
        version: options.version,
        description: `REST API for integrations. Errors are application/problem+json with a stable \`code\`. ${globalBodyLimitText(options.bodyLimit)}`,
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: (route) => rateLimits({ ...route, ...bodyLimits(route) }),
    transformObject: (documentObject) => withErrorCodes(bodyLimitTransformObject(documentObject) as OpenApiDocument, options.errors ?? []),
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/swagger', uiConfig: { deepLinking: true } });
};
