import type { GraphQLBuilder } from '@rustok/kernel';

export const ordersGraphQL = (_builder: GraphQLBuilder): void => {};
