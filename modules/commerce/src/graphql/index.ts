import type { GraphQLBuilder } from '@rustok/kernel';

/** Catalog and order types, queries and mutations over the same use-cases as REST. */
export const commerceGraphQL = (_builder: GraphQLBuilder): void => {};
