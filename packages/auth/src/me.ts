import { notFound } from '@rustok/kernel';
import { type AuthContext, inTenant } from './context.js';
import { customRolePermissions, effectivePermissions } from './permissions.js';
import { type AuthUser, findUserById, toAuthUser } from './users.js';

export interface Me extends AuthUser {
  /** Effective permissions, sorted. */
  readonly permissions: readonly string[];
}

/** The calling user with roles and effective permissions; 404 AUTH_USER_NOT_FOUND when it is gone. */
export const me = async (ctx: AuthContext, userId: string): Promise<Me> =>
  inTenant(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('AUTH_USER_NOT_FOUND', 'The user does not exist');
    const permissions = effectivePermissions(ctx, user.roles, await customRolePermissions(tx, user.roles));
    return { ...toAuthUser(user), permissions: [...permissions].sort() };
  });
