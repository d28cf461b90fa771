import type { Tx } from '@rustok/db';
import { hasPermission, type Principal, validationError } from '@rustok/kernel';
import { type AuthContext, inTenant } from './context.js';
import { type CreateUserInput, createUser, unknownRoles } from './create-user.js';
import { authErrors } from './errors.js';
import { revokeUserRefreshTokens } from './refresh.js';
import { type AuthUser, bumpTokenVersion, findUserById, toAuthUser } from './users.js';

/** Only a platform administrator may hand out super_admin. */
const assertGrantable = (actor: Principal | undefined, roles: readonly string[]): void => {
  if (roles.includes('super_admin') && !hasPermission(actor, 'platform.tenants.manage')) {
    throw authErrors.AUTH_ROLE_NOT_GRANTABLE('Only a platform administrator can grant super_admin');
  }
};

/** A tenant administrator must not demote, disable or take over a platform administrator of the same tenant. */
export const assertManageable = (actor: Principal | undefined, user: { readonly roles: readonly string[] }): void => {
  if (user.roles.includes('super_admin') && !hasPermission(actor, 'platform.tenants.manage')) {
    throw authErrors.AUTH_USER_PROTECTED('Only a platform administrator can change a platform administrator');
  }
};

/** A user created by an administrator, who may grant only the roles they are allowed to. */
export const createUserAs = async (ctx: AuthContext, actor: Principal | undefined, input: CreateUserInput): Promise<AuthUser> => {
  assertGrantable(actor, input.roles);
  return createUser(ctx, input);
};

export const listUsers = async (
  ctx: AuthContext,
  limit: number,
  cursor?: string,
): Promise<{ items: AuthUser[]; nextCursor: string | null }> =>
  inTenant(ctx, async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2', [
      cursor ?? null,
      limit + 1,
    ]);
    const page = rows.slice(0, limit);
    // One statement at a time: a transaction's connection runs its queries in order anyway.
    const items: AuthUser[] = [];
    for (const r of page) {
      const user = await findUserById(tx, r.id);
      if (user) items.push(toAuthUser(user));
    }
    return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  });

export const requireUser = async (tx: Tx, id: string) => {
  const user = await findUserById(tx, id);
  if (!user) throw authErrors.AUTH_USER_NOT_FOUND(`No user ${id}`);
  return user;
};

export const getUser = (ctx: AuthContext, id: string): Promise<AuthUser> =>
  inTenant(ctx, async (tx) => toAuthUser(await requireUser(tx, id)));

/** Replaces a user's roles; their sessions end (refresh tokens revoked, access tokens refused) so new tokens carry the new roles. */
export const setUserRoles = async (
  ctx: AuthContext,
  actor: Principal | undefined,
  id: string,
  roles: readonly string[],
): Promise<AuthUser> => {
  assertGrantable(actor, roles);
  return inTenant(ctx, async (tx) => {
    assertManageable(actor, await requireUser(tx, id));
    const problems = await unknownRoles(tx, roles);
    if (problems.length > 0) throw validationError(problems);
    await tx.query('DELETE FROM user_roles WHERE user_id = $1', [id]);
    for (const role of new Set(roles))
      await tx.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, $3)', [ctx.tenantId, id, role]);
    await revokeUserRefreshTokens(tx, id, ctx.now?.() ?? Date.now());
    await bumpTokenVersion(tx, id, ctx.now?.() ?? Date.now());
    return toAuthUser(await requireUser(tx, id));
  });
};

export interface UserPatch {
  readonly status?: 'active' | 'disabled' | undefined;
  /** An administrator vouches for (true) or withdraws (false) the user's address. */
  readonly emailVerified?: boolean | undefined;
}

/**
 * Disables or re-enables a user and marks their address verified or not. Disabling ends every
 * session at once: refresh tokens revoked, access tokens refused from the next request on.
 */
export const patchUser = async (ctx: AuthContext, actor: Principal | undefined, id: string, patch: UserPatch): Promise<AuthUser> =>
  inTenant(ctx, async (tx) => {
    assertManageable(actor, await requireUser(tx, id));
    const now = new Date(ctx.now?.() ?? Date.now());
    if (patch.status !== undefined) await tx.query('UPDATE users SET status = $2, updated_at = $3 WHERE id = $1', [id, patch.status, now]);
    if (patch.emailVerified !== undefined) {
      await tx.query(
        'UPDATE users SET email_verified_at = CASE WHEN $2::boolean THEN coalesce(email_verified_at, $3) END, updated_at = $3 WHERE id = $1',
        [id, patch.emailVerified, now],
      );
    }
    if (patch.status === 'disabled') {
      await revokeUserRefreshTokens(tx, id, now.getTime());
      await bumpTokenVersion(tx, id, now.getTime());
    }
    return toAuthUser(await requireUser(tx, id));
  });

/** Disables or re-enables a user (see patchUser). */
export const setUserStatus = (
  ctx: AuthContext,
  actor: Principal | undefined,
  id: string,
  status: 'active' | 'disabled',
): Promise<AuthUser> => patchUser(ctx, actor, id, { status });
