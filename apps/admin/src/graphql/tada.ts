import { type DocumentNode, print } from '@0no-co/graphql.web';
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.js';

const tada = initGraphQLTada<{
  introspection: introspection;
  scalars: { ID: string; DateTime: string; JSON: unknown };
  // A fragment's fields are read where it is spread (fragments here share selections, they do not hide data).
  disableMasking: true;
}>();

const documents: string[] = [];

/**
 * Every operation the app has defined so far, as the text sent (with the fragments it spreads); the
 * tests validate each against the server's schema. A fragment alone is checked where it is spread.
 */
export const definedDocuments = (): readonly string[] => documents;

/**
 * A typed GraphQL document: its result and variables are typed from the server's schema
 * (src/graphql/graphql-env.d.ts, written by `npm run graphql:schema`).
 */
export const graphql: typeof tada = Object.assign((...args: Parameters<typeof tada>) => {
  const document = tada(...args);
  const node = document as unknown as DocumentNode;
  if (node.definitions.some((d) => d.kind === 'OperationDefinition')) documents.push(print(node));
  return document;
}, tada) as typeof tada;

export type { ResultOf, VariablesOf } from 'gql.tada';
