import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';

/**
 * Body size limits in the OpenAPI document. Every operation that takes a body states the largest
 * body the server accepts, `server.body_limit_bytes` or the route's own `bodyLimit`: as
 * `x-body-limit` (bytes) and in the description of its `requestBody`, and with a 413 response
 * (REQUEST_TOO_LARGE, problem+json).
 */
const LIMIT_KEY = 'x-body-limit';

const sizeOf = (bytes: number): string =>
  bytes >= 1_048_576 && bytes % 1_048_576 === 0
    ? `${bytes / 1_048_576} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;

export const bodyLimitText = (bytes: number): string =>
  `At most ${bytes} bytes (${sizeOf(bytes)}); a larger body is refused with 413 REQUEST_TOO_LARGE.`;

/** The global limit, for the document's description. */
export const globalBodyLimitText = (bytes: number): string =>
  `Request bodies are limited to ${bytes} bytes (${sizeOf(bytes)}) unless an operation states its own limit ` +
  `(\`x-body-limit\` on its request body); a larger body is refused with 413 \`REQUEST_TOO_LARGE\`.`;

/** Per route: marks the operation with its limit and documents the 413 answer. */
export const bodyLimitTransform =
  (globalLimit: number): SwaggerTransform =>
  ({ schema, url, route }) => {
    if (!schema?.body) return { schema, url };
    const response = (schema.response ?? {}) as Record<string, unknown>;
    const tooLarge = response['413'] ?? { $ref: 'Problem#', description: 'The request body is too large (REQUEST_TOO_LARGE)' };
    return { schema: { ...schema, [LIMIT_KEY]: route.bodyLimit ?? globalLimit, response: { ...response, 413: tooLarge } }, url };
  };

type Operation = { requestBody?: { description?: string } & Record<string, unknown> } & Record<string, unknown>;

/** On the whole document: moves each operation's limit onto its request body, with a sentence saying it. */
export const bodyLimitTransformObject: SwaggerTransformObject = (documentObject) => {
  if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
  const document = documentObject.openapiObject;
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations ?? {}) as Operation[]) {
      const limit = operation?.[LIMIT_KEY];
      if (typeof limit !== 'number') continue;
      delete operation[LIMIT_KEY];
      if (!operation.requestBody) continue;
      const text = bodyLimitText(limit);
      operation.requestBody[LIMIT_KEY] = limit;
      operation.requestBody.description = operation.requestBody.description ? `${operation.requestBody.description} ${text}` : text;
    }
  }
  return document;
};
