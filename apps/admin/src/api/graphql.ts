import type { DocumentNode } from '@0no-co/graphql.web';
import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { sendAsUser } from './client.js';
import { ApiError, type FieldProblem, problemOf } from './problem.js';

interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly status?: number; readonly errors?: readonly FieldProblem[] };
}

/** The ApiError of a GraphQL error, from its catalogued code (extensions.code), as a REST problem would give it. */
const errorOf = (error: GraphQLError): ApiError =>
  new ApiError(error.extensions?.status ?? 400, error.extensions?.code ?? 'GRAPHQL_ERROR', error.message, error.extensions?.errors ?? []);

const printed = new WeakMap<object, string>();

/** A document's text, printed once (with the fragments it spreads). */
const queryOf = (document: DocumentNode): string => {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

/**
 * Runs a typed document against /graphql as the signed-in user (an expired access token is
 * refreshed once). The first error is thrown as an ApiError with its catalogued code.
 */
export const gql = async <Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
): Promise<Result> => {
  const res = await sendAsUser('', { method: 'POST', body: { query: queryOf(document), variables } }, '/graphql');
  // Refusals before GraphQL runs (no or expired token, rate limits) come as problem+json, like REST.
  if (res.headers.get('content-type')?.includes('problem+json')) throw await problemOf(res);
  const body = (await res.json()) as { data?: Result | null; errors?: readonly GraphQLError[] };
  const first = body.errors?.[0];
  if (first) throw errorOf(first);
  if (!body.data) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  return body.data;
};
