import type { GraphQLBuilder } from '@rustok/kernel';
import { sessionGraphQL } from './session.js';
import { usersGraphQL } from './users.js';

export { authContextOf } from './context.js';
export { type AuthGraphQLTypes, authGraphQLTypes } from './types.js';

/** Sessions (login, refresh, logout, me) and the administration of users and roles. */
export const authGraphQL = (builder: GraphQLBuilder): void => {
  sessionGraphQL(builder);
  usersGraphQL(builder);
};
