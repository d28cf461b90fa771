import type { AppError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { loadKeyRing } from './keys.js';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPasswordOrDummy } from './passwords.js';
import { issueRefreshToken } from './refresh.js';
import { type Session, sessionFor } from './session.js';
import { findUserByEmail, normalizeEmail, toAuthUser, type UserRecord, updatePasswordHash } from './users.js';

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** The client's address, for the per-IP limit. */
  readonly ip?: string | undefined;
  /** The tenant the request was resolved to, named in the refusal (a login without a tenant header lands in the default one). */
  readonly tenantSlug?: string | undefined;
}

/** One answer for an unknown address and a wrong password; it names the tenant that was tried. */
const invalidCredentials = (tenantSlug?: string): AppError =>
  authErrors.AUTH_INVALID_CREDENTIALS(
    `The e-mail address or the password is wrong${tenantSlug === undefined ? '' : ` (tenant "${tenantSlug}")`}`,
  );

/** The limiter's key of an account: accounts are per tenant. */
export const accountKey = (tenantId: string, email: string): string => `${tenantId}:${email}`;

const checkCredentials = async (ctx: AuthContext, email: string, password: string): Promise<UserRecord | undefined> => {
  const user = await inTenant(ctx, (tx) => findUserByEmail(tx, email));
  // An oversized password cannot be right; it is not hashed (cost), but the timing stays that of a check.
  const candidate = [...password].length > PASSWORD_MAX_LENGTH ? '' : password;
  const ok = await verifyPasswordOrDummy(user?.passwordHash, candidate, ctx.config);
  return ok && candidate !== '' ? user : undefined;
};

const refuseInactive = (ctx: AuthContext, user: UserRecord): void => {
  if (user.status !== 'active') throw authErrors.AUTH_USER_DISABLED('This account is disabled');
  if (ctx.features.email_verification && !user.emailVerified) {
    throw authErrors.AUTH_EMAIL_NOT_VERIFIED('The e-mail address of this account is not verified yet');
  }
};

/**
 * E-mail and password for a session. Throttled per IP and per account (429); 401
 * AUTH_INVALID_CREDENTIALS, 403 AUTH_USER_DISABLED or AUTH_EMAIL_NOT_VERIFIED otherwise.
 */
export const login = async (ctx: AuthContext, input: LoginInput): Promise<Session> => {
  const email = normalizeEmail(input.email);
  const account = accountKey(ctx.tenantId, email);
  await ctx.limiter.beforeAttempt({ account, ip: input.ip });
  const user = await checkCredentials(ctx, email, input.password);
  if (!user) {
    if (await ctx.limiter.recordFailure(account)) ctx.logger.warn({ tenantId: ctx.tenantId }, 'account locked after failed logins');
    throw invalidCredentials(input.tenantSlug);
  }
  await ctx.limiter.recordSuccess(account);
  refuseInactive(ctx, user);
  const now = nowOf(ctx);
  const ring = await loadKeyRing(ctx.db, { now });
  const rehashed = needsRehash(user.passwordHash, ctx.config) ? await hashPassword(input.password, ctx.config) : undefined;
  const refresh = await inTenant(ctx, async (tx) => {
    if (rehashed) await updatePasswordHash(tx, user.id, rehashed, now);
    return issueRefreshToken(tx, { userId: user.id }, { ttlSeconds: ctx.config.refresh_ttl_seconds, now });
  });
  return sessionFor(ring, ctx.config, toAuthUser(user), refresh, now, user.tokenVersion);
};
