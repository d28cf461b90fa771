import { type AppError, type Principal, validationError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { loadKeyRing } from './keys.js';
import { accountKey } from './login.js';
import { hashPassword, PASSWORD_MAX_LENGTH, passwordProblems, verifyPassword } from './passwords.js';
import { issueAccessToken } from './tokens.js';
import { type AuthUser, bumpTokenVersion, findUserById, toAuthUser, updatePasswordHash } from './users.js';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** The new access token of the calling session (every other session is ended). */
export interface PasswordChanged {
  readonly user: AuthUser;
  readonly accessToken: string;
  readonly expiresIn: number;
}

const currentPasswordWrong = (): AppError =>
  authErrors.AUTH_CURRENT_PASSWORD_WRONG('The current password is wrong', {
    errors: [{ path: '/currentPassword', message: 'is not the current password' }],
  });

/** Tenant-switch tokens act in a tenant the administrator has no account in: no account operations with them. */
const refuseImpersonation = (principal: Principal): void => {
  if (principal.impersonatedBy) {
    throw authErrors.AUTH_IMPERSONATION_NOT_ALLOWED('This operation is not available with a tenant-switch token');
  }
};

const ownUser = async (ctx: AuthContext, principal: Principal) => {
  refuseImpersonation(principal);
  const user = await inTenant(ctx, (tx) => findUserById(tx, principal.userId));
  if (!user) throw authErrors.AUTH_USER_NOT_FOUND('The user does not exist');
  return user;
};

/**
 * The signed-in user changes their password. A wrong current password is 422
 * AUTH_CURRENT_PASSWORD_WRONG and counts towards the account lockout (429 once locked). On success
 * every refresh-token family but the caller's is revoked, every access token issued before is
 * refused, and the caller gets a new access token (their refresh token keeps working).
 */
export const changePassword = async (ctx: AuthContext, principal: Principal, input: ChangePasswordInput): Promise<PasswordChanged> => {
  const user = await ownUser(ctx, principal);
  const account = accountKey(ctx.tenantId, user.email);
  await ctx.limiter.beforeAttempt({ account });
  const candidate = [...input.currentPassword].length > PASSWORD_MAX_LENGTH ? '' : input.currentPassword;
  if (candidate === '' || !(await verifyPassword(user.passwordHash, candidate))) {
    await ctx.limiter.recordFailure(account);
    throw currentPasswordWrong();
  }
  await ctx.limiter.recordSuccess(account);
  const problems = passwordProblems(input.newPassword, user.email).map((p) => ({ ...p, path: '/newPassword' }));
  if (problems.length > 0) throw validationError(problems);
  const passwordHash = await hashPassword(input.newPassword, ctx.config);
  const now = nowOf(ctx);
  const version = await inTenant(ctx, async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash, now);
    await tx.query(
      'UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $3::uuid',
      [user.id, new Date(now), principal.sessionId ?? null],
    );
    return bumpTokenVersion(tx, user.id, now);
  });
  const ring = await loadKeyRing(ctx.db, { now });
  const subject = {
    userId: user.id,
    tenantId: ctx.tenantId,
    roles: user.roles,
    version,
    ...(principal.sessionId === undefined ? {} : { sessionId: principal.sessionId }),
  };
  const accessToken = await issueAccessToken(ring, subject, ctx.config, now);
  return { user: toAuthUser(user), accessToken, expiresIn: ctx.config.access_ttl_seconds };
};
