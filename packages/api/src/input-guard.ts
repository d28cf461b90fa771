import { type FieldError, validationError } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const NUL = '\u0000';
const MAX_REPORTED = 20;
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The children of an array or object (a key holding NUL is a finding of its own, not walked into), in order. */
const childrenOf = (value: unknown, where: string, found: string[]): [unknown, string][] => {
  if (Array.isArray(value)) return value.map((item, index) => [item, `${where}/${index}`]);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  const children: [unknown, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    const path = `${where}/${key.replaceAll(NUL, '\\u0000')}`;
    if (key.includes(NUL)) found.push(path);
    else children.push([item, path]);
  }
  return children;
};

/**
 * Paths (`<where>/a/0/b`) of every string in a value, and every object key, that holds a NUL
 * character. PostgreSQL cannot store U+0000 in text, so such input is refused before it gets there.
 * The walk keeps its own stack: a body nested thousands of levels deep cannot exhaust the call stack.
 */
export const nulPaths = (value: unknown, where: string, found: string[] = []): string[] => {
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (node.includes(NUL)) found.push(path);
      continue;
    }
    const children = childrenOf(node, path, found);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, string]);
  }
  return found.slice(0, MAX_REPORTED);
};

/** 422 VALIDATION_FAILED naming each field that holds a NUL character. */
export const nulRefusal = (paths: readonly string[]) => {
  const errors: FieldError[] = paths.map((path) => ({ path, message: NUL_MESSAGE }));
  return validationError(errors, `${errors.length} field(s) failed validation`);
};

/** Whether the request's own (already parsed) input holds a NUL anywhere: params, query string, body. */
const nulPathsOf = (request: FastifyRequest): string[] => {
  const found: string[] = [];
  nulPaths(request.params, 'params', found);
  nulPaths(request.query, 'querystring', found);
  nulPaths(request.body, 'body', found);
  return found;
};

/**
 * Refuses input holding U+0000 with 422 on every route, before the route's schema runs. GraphQL
 * checks its own variables (the answer there is a GraphQL error), so /graphql is left to it.
 */
export const registerInputGuard = (app: FastifyInstance): void => {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.startsWith('/graphql')) return;
    // Without a body, input comes only from the URL, where a NUL can only be written as %00.
    if (request.body === undefined && !request.url.includes('%00')) return;
    const found = nulPathsOf(request);
    if (found.length > 0) throw nulRefusal(found);
  });
};
