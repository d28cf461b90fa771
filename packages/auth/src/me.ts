import type { Principal } from '@rustok/kernel';
import { type AuthContext, inTenant } from './context.js';
import { authErrors } from './errors.js';
import { customRolePermissions, effectivePermissions } from './permissions.js';
import { type AuthUser, findUserById, toAuthUser } from './users.js';

export interface Me extends AuthUser {
  /** Effective permissions, sorted. */
  readonly permissions: readonly string[];
  /** On a tenant-switch token: the platform administrator acting here (their own user and tenant). */
  readonly impersonatedBy?: { readonly userId: string; readonly tenantId: string; readonly email: string };
}

const userMissing = () => authErrors.AUTH_USER_NOT_FOUND('The user does not exist');

/** The calling user with roles and effective permissions; 404 AUTH_USER_NOT_FOUND when it is gone. */
export const me = async (ctx: AuthContext, userId: string): Promise<Me> =>
  inTenant(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw userMissing();
    const permissions = effectivePermissions(ctx, user.roles, await customRolePermissions(tx, user.roles));
    return { ...toAuthUser(user), permissions: [...permissions].sort() };
  });

/**
 * The caller as `/auth/me` shows it. On a tenant-switch token: the administrator's own account,
 * seen in this tenant with the token's roles and permissions, and `impersonatedBy`. On a personal
 * access token: the user with the token's effective permissions.
 */
export const meOf = async (ctx: AuthContext, principal: Principal): Promise<Me> => {
  const by = principal.impersonatedBy;
  // With a personal access token: what the token may do now, not all the user may.
  if (principal.accessToken) return { ...(await me(ctx, principal.userId)), permissions: [...principal.permissions].sort() };
  if (!by) return me(ctx, principal.userId);
  const admin = await ctx.db.transaction((tx) => findUserById(tx, by.userId), { tenantId: by.tenantId });
  if (!admin) throw userMissing();
  return {
    ...toAuthUser(admin),
    tenantId: ctx.tenantId,
    roles: [...principal.roles],
    permissions: [...principal.permissions].sort(),
    impersonatedBy: { userId: admin.id, tenantId: by.tenantId, email: admin.email },
  };
};
