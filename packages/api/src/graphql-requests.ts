import { createHash } from 'node:crypto';
import type { AppError } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import { apiErrors } from './errors.js';
import { inputProblems, inputRefusal, NUL_MESSAGE } from './input-guard.js';

/**
 * The shape of a GraphQL-over-HTTP request, checked before mercurius sees it, so that a malformed
 * one is a coded 4xx (`GRAPHQL_BAD_REQUEST`) and never reaches the executor, plus the mapping of
 * mercurius' own request errors (persisted queries, GET mutations) to coded errors.
 */

export type PersistedQueryMode = 'apq' | 'allowlist' | 'off';

export const badRequest = (detail: string, status = 400): AppError => apiErrors.GRAPHQL_BAD_REQUEST(detail, { status });

const persistedQueryNotFound = (): AppError => apiErrors.PERSISTED_QUERY_NOT_FOUND('PersistedQueryNotFound');

const notSupported = (): AppError => apiErrors.PERSISTED_QUERY_NOT_SUPPORTED('PersistedQueryNotSupported');

const notInList = (): AppError => apiErrors.PERSISTED_QUERY_NOT_IN_LIST('This server runs only the queries of its allowlist');

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const SHA256_HEX = /^[0-9a-f]{64}$/;
// A `\u0000` escape inside a GraphQL string literal (or a raw NUL) puts U+0000 into an argument.
const hasNul = (source: string): boolean => source.includes('\u0000') || /\\u0000/i.test(source);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * How JSON text can begin that a GraphQL document cannot: an array, a string, a number, a literal, or
 * an object with a quoted key or none (a GraphQL selection set names fields without quotes).
 */
const JSON_START = /^\s*(?:[[\-"0-9]|\{\s*["}]|(?:true|false|null)\s*$)/;

/**
 * Mercurius parses a query that is not GraphQL as a JSON document AST: such a query is refused first.
 * Only text that can begin as JSON is parsed (a failed parse of every GraphQL query cost an exception).
 */
const isJsonText = (text: string): boolean => {
  if (!JSON_START.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** GET carries variables and extensions as JSON text in the query string. */
const fromJsonText = (value: unknown, name: string): unknown => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be given once, as JSON`);
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`${name} is not valid JSON`);
  }
};

export interface GraphQLRequestParts {
  readonly query: string | undefined;
  readonly hash: string | undefined;
}

const persistedHashOf = (extensions: unknown): string | undefined => {
  if (extensions === undefined || extensions === null) return undefined;
  if (!isObject(extensions)) throw badRequest('extensions must be an object');
  const persisted = extensions.persistedQuery;
  if (persisted === undefined) return undefined;
  if (!isObject(persisted) || persisted.version !== 1) throw notSupported();
  const hash = persisted.sha256Hash;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash))
    throw badRequest('extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits');
  return hash;
};

/** Checks one request's fields (already decoded from JSON); throws a coded error for a malformed one. */
const checkGraphQLRequest = (input: unknown): GraphQLRequestParts => {
  if (!isObject(input)) throw badRequest('A GraphQL request is a JSON object with a query');
  const { query, variables, operationName } = input;
  if (query !== undefined && query !== null && typeof query !== 'string') throw badRequest('query must be a string');
  if (variables !== undefined && variables !== null && !isObject(variables)) throw badRequest('variables must be an object');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw badRequest('operationName must be a string');
  }
  const hash = persistedHashOf(input.extensions);
  const text = typeof query === 'string' && query.trim() !== '' ? query : undefined;
  if (!text && !hash) throw badRequest('A GraphQL request needs a query (or a persisted query hash)');
  if (text && isJsonText(text)) throw badRequest('The query is not a GraphQL document');
  const problems = inputProblems(variables, 'variables');
  if (text && hasNul(text)) problems.push({ path: 'query', message: NUL_MESSAGE });
  if (problems.length > 0) throw inputRefusal(problems);
  return { query: text, hash };
};

/** The request's fields: the JSON body (POST) or the query string, with its JSON parts decoded (GET). */
const requestInput = (request: FastifyRequest): unknown => {
  if (request.method !== 'GET') return request.body;
  const q = request.query as Record<string, unknown>;
  for (const name of ['query', 'operationName']) {
    if (q[name] !== undefined && typeof q[name] !== 'string') throw badRequest(`${name} must be given once`);
  }
  return { ...q, variables: fromJsonText(q.variables, 'variables'), extensions: fromJsonText(q.extensions, 'extensions') };
};

export interface RequestGuardOptions {
  readonly mode: PersistedQueryMode;
  /** sha256 → query, in allowlist mode. */
  readonly allowlist?: ReadonlyMap<string, string>;
}

/**
 * A preValidation hook for the GraphQL routes: the request shape, NUL characters, and the
 * persisted-query mode. In `allowlist` mode a query runs only when its sha256 is in the list
 * (a hash alone is looked up by mercurius' persisted query provider); in `off` mode a hash alone
 * is refused (PERSISTED_QUERY_NOT_SUPPORTED).
 */
/**
 * Over GET, mercurius looks the operation up to refuse mutations and fails on a document without
 * the named (or a single) operation, so that is checked here. Syntax errors are left to mercurius.
 */
const checkGetOperation = (query: string, operationName: unknown): void => {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query);
  } catch {
    return;
  }
  const name = typeof operationName === 'string' ? operationName : undefined;
  if (!getOperationAST(document, name)) {
    throw badRequest(
      name ? `The document has no operation named "${name}"` : 'The document has several operations: name one with operationName',
    );
  }
};

export const graphqlRequestGuard = (options: RequestGuardOptions) => async (request: FastifyRequest) => {
  const input = requestInput(request);
  const { query, hash } = checkGraphQLRequest(input);
  if (request.method === 'GET' && query) checkGetOperation(query, (input as { operationName?: unknown }).operationName);
  if (options.mode === 'off' && hash && !query) throw notSupported();
  if (options.mode === 'allowlist' && query) {
    const own = sha256(query);
    if (hash && hash !== own) throw badRequest('extensions.persistedQuery.sha256Hash does not match the query');
    if (!options.allowlist?.has(own)) throw notInList();
  }
};

/** Mercurius' own request errors as coded AppErrors; undefined for anything else. */
export const mercuriusRequestError = (error: unknown): AppError | undefined => {
  const e = error as { code?: unknown; errors?: unknown[] } | null;
  switch (e?.code) {
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND':
      return persistedQueryNotFound();
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_SUPPORTED':
      return notSupported();
    case 'MER_ERR_GQL_PERSISTED_QUERY_MISMATCH':
      return badRequest('extensions.persistedQuery.sha256Hash does not match the query');
    case 'MER_ERR_METHOD_NOT_ALLOWED':
      return apiErrors.GRAPHQL_METHOD_NOT_ALLOWED('Only queries may be sent with GET; send mutations with POST');
    case 'MER_ERR_GQL_CSRF_PREVENTION':
      return badRequest('The request needs a content type other than a simple one, or a GraphQL preflight header');
    default:
      return undefined;
  }
};

/** Errors that concern the request as a whole: answered with their own HTTP status rather than 200. */
export const REQUEST_LEVEL_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_BAD_REQUEST',
  'GRAPHQL_METHOD_NOT_ALLOWED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
]);
