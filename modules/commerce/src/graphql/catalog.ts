import type { GraphQLBuilder } from '@rustok/kernel';

export const catalogGraphQL = (_builder: GraphQLBuilder): void => {};
