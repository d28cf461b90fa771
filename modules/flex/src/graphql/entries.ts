import type { GraphQLBuilder } from '@rustok/kernel';

/** Placeholder until the GraphQL fields land. */
export const flexEntriesGraphQL = (_builder: GraphQLBuilder): void => {};
