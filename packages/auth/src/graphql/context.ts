import { AppError, fastifyOf, type GraphQLContext } from '@rustok/kernel';
import type { AuthContext } from '../context.js';
import type {} from '../routes.js';

/** The auth context of a GraphQL operation: the process's auth services and the operation's tenant (as `contextOf` for REST). */
export const authContextOf = (ctx: GraphQLContext): AuthContext => {
  if (!ctx.tenant) throw new AppError('TENANT_REQUIRED', 'No tenant was resolved for this request', { status: 400 });
  return { ...fastifyOf(ctx).auth, tenantId: ctx.tenant.id };
};
