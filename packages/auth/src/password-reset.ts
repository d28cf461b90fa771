import type { Tx } from '@rustok/db';
import { type AppError, validationError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf, tenantOf } from './context.js';
import { authErrors } from './errors.js';
import { accountKey } from './login.js';
import { sendAfterCommit } from './outbound.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { hashToken, isOpaqueToken, newOpaqueToken, revokeUserRefreshTokens } from './refresh.js';
import { bumpTokenVersion, findUserByEmail, findUserById, lookupEmail, markEmailVerified, updatePasswordHash } from './users.js';

/** How long a password-reset token works. */
const PASSWORD_RESET_TTL_SECONDS = 3600;
/** Reset messages one account gets per hour at most; further requests are answered alike but send nothing. */
const PASSWORD_RESETS_PER_HOUR = 5;

/** Stores a reset token for the user (only its hash), sends it through the outbound port after commit and returns it. */
export const createPasswordReset = async (
  ctx: Pick<AuthContext, 'outbound' | 'logger'>,
  tx: Tx,
  user: { readonly id: string; readonly email: string },
  now: number,
): Promise<string> => {
  const token = newOpaqueToken();
  const expiresAt = new Date(now + PASSWORD_RESET_TTL_SECONDS * 1000);
  await tx.query('INSERT INTO password_resets (token_hash, tenant_id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashToken(token),
    tenantOf(tx),
    user.id,
    new Date(now),
    expiresAt,
  ]);
  const data = { token, expiresAt: expiresAt.toISOString() };
  await sendAfterCommit(ctx, tx, { tenantId: tenantOf(tx), to: user.email, template: 'password-reset', data });
  return token;
};

const recentResets = async (tx: Tx, userId: string, now: number): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND created_at > $2', [
    userId,
    new Date(now - 3600_000),
  ]);
  return rows[0]?.n ?? 0;
};

/**
 * Starts a password reset for an address. The caller always answers 202: whether the address has
 * an account (active, within the hourly budget) only decides whether a message goes out.
 */
export const requestPasswordReset = async (ctx: AuthContext, email: string): Promise<void> => {
  const now = nowOf(ctx);
  await inTenant(ctx, async (tx) => {
    const address = lookupEmail(email);
    const user = address === undefined ? undefined : await findUserByEmail(tx, address);
    if (user?.status !== 'active') return;
    if ((await recentResets(tx, user.id, now)) >= PASSWORD_RESETS_PER_HOUR) {
      ctx.logger.warn({ tenantId: ctx.tenantId, userId: user.id }, 'password reset requested too often: no message sent');
      return;
    }
    await createPasswordReset(ctx, tx, user, now);
  });
};

const resetTokenInvalid = (): AppError => authErrors.AUTH_RESET_TOKEN_INVALID('The password-reset token is invalid, used or expired');

export interface ConfirmPasswordResetInput {
  readonly token: string;
  readonly newPassword: string;
}

const pendingResetUser = async (ctx: AuthContext, token: string, now: number) =>
  inTenant(ctx, async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>(
      'SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [hashToken(token), new Date(now)],
    );
    const userId = rows[0]?.user_id;
    return userId === undefined ? undefined : findUserById(tx, userId);
  });

/** Replaces the password and ends every session: refresh tokens revoked, access tokens of older generations refused. */
export const replacePassword = async (tx: Tx, userId: string, passwordHash: string, now: number): Promise<number> => {
  await updatePasswordHash(tx, userId, passwordHash, now);
  await revokeUserRefreshTokens(tx, userId, now);
  return bumpTokenVersion(tx, userId, now);
};

/**
 * Spends a reset token: sets the new password, ends every session of the user, spends the user's
 * other reset tokens and marks the address verified (the token came through it). 400
 * AUTH_RESET_TOKEN_INVALID for an unknown, used or expired token; 422 for a password the policy refuses.
 */
export const confirmPasswordReset = async (ctx: AuthContext, input: ConfirmPasswordResetInput): Promise<void> => {
  if (!isOpaqueToken(input.token)) throw resetTokenInvalid();
  const now = nowOf(ctx);
  const user = await pendingResetUser(ctx, input.token, now);
  if (user?.status !== 'active') throw resetTokenInvalid();
  const problems = passwordProblems(input.newPassword, user.email).map((p) => ({ ...p, path: '/newPassword' }));
  if (problems.length > 0) throw validationError(problems);
  const passwordHash = await hashPassword(input.newPassword, ctx.config);
  await inTenant(ctx, async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>(
      'UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id',
      [hashToken(input.token), new Date(now)],
    );
    if (rows[0]?.user_id !== user.id) throw resetTokenInvalid();
    await tx.query('UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, new Date(now)]);
    await replacePassword(tx, user.id, passwordHash, now);
    await markEmailVerified(tx, user.id, now);
  });
  await ctx.limiter.recordSuccess(accountKey(ctx.tenantId, user.email));
  ctx.logger.info({ tenantId: ctx.tenantId, userId: user.id }, 'password reset: every session ended');
};
