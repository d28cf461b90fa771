import { fastifyOf, type GraphQLContext, tenantOfContext } from '@rustok/kernel';
import type { AuthContext } from '../context.js';
import type {} from '../routes.js';

/** The auth context of a GraphQL operation: the process's auth services and the operation's tenant (as `contextOf` for REST). */
export const authContextOf = (ctx: GraphQLContext): AuthContext => ({ ...fastifyOf(ctx).auth, tenantId: tenantOfContext(ctx).id });
