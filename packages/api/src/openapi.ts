import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from './problem.js';

export interface OpenApiOptions {
  readonly version: string;
}

/** OpenAPI 3.1 built from the route schemas; UI at /swagger, document at /swagger/json. */
export const registerOpenApi = async (app: FastifyInstance, options: OpenApiOptions): Promise<void> => {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'RusToK API',
        version: options.version,
        description: 'REST API for integrations. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/swagger', uiConfig: { deepLinking: true } });
};
