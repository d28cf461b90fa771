import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { bodyLimitTransform, bodyLimitTransformObject, globalBodyLimitText } from './body-limits.js';
import { ProblemSchema } from './problem.js';

export interface OpenApiOptions {
  readonly version: string;
  /** `server.body_limit_bytes`: stated in the document and on every request body without its own limit. */
  readonly bodyLimit: number;
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
        description: `REST API for integrations. Errors are application/problem+json with a stable \`code\`. ${globalBodyLimitText(options.bodyLimit)}`,
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: bodyLimitTransform(options.bodyLimit),
    transformObject: bodyLimitTransformObject,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/swagger', uiConfig: { deepLinking: true } });
};
