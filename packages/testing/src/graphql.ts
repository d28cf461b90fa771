import { expect } from 'vitest';
import type { TestPlatform } from './platform.js';

/** A GraphQL answer as tests read it. */
export interface GraphQLReply {
  data?: Record<string, unknown> | null;
  /** `extensions.errors`: the failing fields of a validation error, as in problem+json. */
  errors?: { message?: string; extensions?: { code?: string; errors?: { path: string }[] } }[];
}

type Variables = Record<string, unknown>;

/**
 * GraphQL calls on a test platform's `/graphql` (the platform is read when a call is made, so the
 * client can be created before `beforeAll` opens it): `gql` gives the whole answer, `data` the
 * value of one root field and fails the test on any error, `codes` the errors' codes.
 */
export const graphqlClient = (platform: () => TestPlatform) => {
  const gql = async (headers: Record<string, string>, query: string, variables?: Variables): Promise<GraphQLReply> =>
    (await platform().app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } })).json<GraphQLReply>();
  const data = async <T>(field: string, headers: Record<string, string>, query: string, variables?: Variables): Promise<T> => {
    const reply = await gql(headers, query, variables);
    expect(reply.errors, JSON.stringify(reply.errors)).toBeUndefined();
    return reply.data?.[field] as T;
  };
  const codes = async (headers: Record<string, string>, query: string, variables?: Variables) =>
    (await gql(headers, query, variables)).errors?.map((e) => e.extensions?.code);
  return { gql, data, codes };
};
