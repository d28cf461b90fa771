import { type FieldError, validationError } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const NUL = '\u0000';
const MAX_REPORTED = 20;
export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** How deep input may nest (a body, a query string, GraphQL variables): far beyond any real document. */
export const MAX_INPUT_DEPTH = 64;
const DEEP_MESSAGE = `is nested deeper than ${MAX_INPUT_DEPTH} levels`;

type Node = readonly [value: unknown, path: string, depth: number];

/** The children of an array or object (a key holding NUL is a finding of its own, not walked into), in order. */
const childrenOf = ([value, where, depth]: Node, found: FieldError[]): Node[] => {
  if (Array.isArray(value)) return value.map((item, index) => [item, `${where}/${index}`, depth + 1]);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  const children: Node[] = [];
  for (const [key, item] of Object.entries(value)) {
    const path = `${where}/${key.replaceAll(NUL, '\\u0000')}`;
    if (key.includes(NUL)) found.push({ path, message: NUL_MESSAGE });
    else children.push([item, path, depth + 1]);
  }
  return children;
};

/**
 * Every string and object key of a value that holds a NUL character (PostgreSQL cannot store
 * U+0000 in text), and where the value nests deeper than MAX_INPUT_DEPTH (such input would exhaust
 * the stack of a recursive validator or serialiser), as field errors (`<where>/a/0/b`), at most 20.
 * The walk keeps its own stack, so it never runs out of one itself.
 */
export const inputProblems = (value: unknown, where: string, found: FieldError[] = []): FieldError[] => {
  const stack: Node[] = [[value, where, 0]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const node = stack.pop() as Node;
    const [item, path, depth] = node;
    if (typeof item === 'string') {
      if (item.includes(NUL)) found.push({ path, message: NUL_MESSAGE });
    } else if (depth >= MAX_INPUT_DEPTH && item !== null && typeof item === 'object') {
      found.push({ path, message: DEEP_MESSAGE });
    } else {
      const children = childrenOf(node, found);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  }
  return found.slice(0, MAX_REPORTED);
};

/** 422 VALIDATION_FAILED naming each field that holds a NUL character or nests too deep. */
export const inputRefusal = (errors: readonly FieldError[]) => validationError([...errors], `${errors.length} field(s) failed validation`);

/** What is wrong with the request's own (already parsed) input anywhere: params, query string, body. */
const problemsOf = (request: FastifyRequest): FieldError[] => {
  const found: FieldError[] = [];
  inputProblems(request.params, 'params', found);
  inputProblems(request.query, 'querystring', found);
  inputProblems(request.body, 'body', found);
  return found;
};

/**
 * Refuses input holding U+0000, or nested deeper than MAX_INPUT_DEPTH, with 422 on every route, before the route's schema runs. GraphQL
 * checks its own variables (the answer there is a GraphQL error), so /graphql is left to it.
 */
export const registerInputGuard = (app: FastifyInstance): void => {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.startsWith('/graphql')) return;
    // Without a body, input comes only from the URL, where a NUL can only be written as %00.
    if (request.body === undefined && !request.url.includes('%00')) return;
    const found = problemsOf(request);
    if (found.length > 0) throw inputRefusal(found);
  });
};
