import { hasPermission, type Principal, validationError } from '@rustok/kernel';
import { requireUser } from './admin-users.js';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { createPasswordReset, replacePassword } from './password-reset.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { type AuthUser, toAuthUser, type UserRecord } from './users.js';

export interface AdminPasswordResetInput {
  /** Sets this password at once; without it a reset token goes to the user's address. */
  readonly newPassword?: string | undefined;
}

export interface AdminPasswordResetResult {
  readonly user: AuthUser;
  /** `set`: the password was replaced; `sent`: a reset token went to the user through the outbound port. */
  readonly outcome: 'set' | 'sent';
}

/** A tenant administrator must not take over a platform administrator's account. */
const assertResettable = (actor: Principal | undefined, user: UserRecord): void => {
  if (user.roles.includes('super_admin') && !hasPermission(actor, 'platform.tenants.manage')) {
    throw authErrors.AUTH_USER_PROTECTED("Only a platform administrator can reset a platform administrator's password");
  }
};

/**
 * An administrator resets a user's password: either sets a new one (every session of the user
 * ends) or sends the user a reset token through the outbound port. 404 for a user of another
 * tenant, 403 AUTH_USER_PROTECTED for a super_admin unless the actor administers the platform.
 */
export const adminResetPassword = async (
  ctx: AuthContext,
  actor: Principal | undefined,
  id: string,
  input: AdminPasswordResetInput,
): Promise<AdminPasswordResetResult> => {
  const user = await inTenant(ctx, (tx) => requireUser(tx, id));
  assertResettable(actor, user);
  const now = nowOf(ctx);
  if (input.newPassword === undefined) {
    await inTenant(ctx, async (tx) => {
      await createPasswordReset(ctx, tx, user, now);
    });
    return { user: toAuthUser(user), outcome: 'sent' };
  }
  const problems = passwordProblems(input.newPassword, user.email).map((p) => ({ ...p, path: '/newPassword' }));
  if (problems.length > 0) throw validationError(problems);
  const passwordHash = await hashPassword(input.newPassword, ctx.config);
  await inTenant(ctx, async (tx) => {
    await requireUser(tx, id);
    await replacePassword(tx, id, passwordHash, now);
  });
  ctx.logger.info({ tenantId: ctx.tenantId, userId: id, actor: actor?.userId }, 'password set by an administrator: every session ended');
  return { user: toAuthUser(user), outcome: 'set' };
};
