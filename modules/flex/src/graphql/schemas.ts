import type { GraphQLBuilder } from '@rustok/kernel';

/** Placeholder until the GraphQL fields land. */
export const flexSchemasGraphQL = (_builder: GraphQLBuilder): void => {};
