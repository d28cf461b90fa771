import type { GraphQLBuilder } from '@rustok/kernel';
import { catalogGraphQL } from './catalog.js';
import { ordersGraphQL } from './orders.js';

/** Catalog, cart and order types, queries and mutations over the same use-cases as REST. */
export const commerceGraphQL = (builder: GraphQLBuilder): void => {
  catalogGraphQL(builder);
  ordersGraphQL(builder);
};
