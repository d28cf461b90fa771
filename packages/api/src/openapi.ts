import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
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
}

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
    transformObject: bodyLimitTransformObject,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/swagger', uiConfig: { deepLinking: true } });
};
