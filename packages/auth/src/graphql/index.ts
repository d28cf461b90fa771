import type { GraphQLBuilder } from '@rustok/kernel';
import { accessTokensGraphQL } from './access-tokens.js';
import { sessionGraphQL } from './session.js';
import { usersGraphQL } from './users.js';

export { authContextOf } from './context.js';
export { type AuthGraphQLTypes, authGraphQLTypes } from './types.js';

/** Sessions (login, refresh, logout, me), the administration of users and roles, personal access tokens. */
export const authGraphQL = (builder: GraphQLBuilder): void => {
  sessionGraphQL(builder);
  usersGraphQL(builder);
  accessTokensGraphQL(builder);
};
