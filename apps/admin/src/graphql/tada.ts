import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.js';

const tada = initGraphQLTada<{
  introspection: introspection;
  scalars: { ID: string; DateTime: string; JSON: unknown };
}>();

const documents: string[] = [];

/** Every document the app has defined so far, as text (the tests validate each against the server's schema). */
export const definedDocuments = (): readonly string[] => documents;

/**
 * A typed GraphQL document: its result and variables are typed from the server's schema
 * (src/graphql/graphql-env.d.ts, written by `npm run graphql:schema`).
 */
export const graphql: typeof tada = Object.assign((...args: Parameters<typeof tada>) => {
  documents.push(args[0]);
  return tada(...args);
}, tada) as typeof tada;

export type { ResultOf, VariablesOf } from 'gql.tada';
