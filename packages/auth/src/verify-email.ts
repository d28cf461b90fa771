import type { Tx } from '@rustok/db';
import { AppError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf, tenantOf } from './context.js';
import { hashToken, isOpaqueToken, newOpaqueToken } from './refresh.js';
import { type AuthUser, findUserById, markEmailVerified, toAuthUser } from './users.js';

/** How long an e-mail verification link works. */
export const EMAIL_VERIFICATION_TTL_SECONDS = 48 * 3600;

/** Stores a verification token for the user (only its hash); returns the token for the e-mail. */
export const createEmailVerification = async (tx: Tx, userId: string, now: number): Promise<string> => {
  const token = newOpaqueToken();
  await tx.query('INSERT INTO email_verifications (token_hash, tenant_id, user_id, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    tenantOf(tx),
    userId,
    new Date(now + EMAIL_VERIFICATION_TTL_SECONDS * 1000),
  ]);
  return token;
};

const verificationInvalid = (): AppError =>
  new AppError('AUTH_VERIFICATION_INVALID', 'The verification link is invalid, used or expired', { status: 400 });

/** Spends a verification token and marks the user's address verified; 400 AUTH_VERIFICATION_INVALID otherwise. */
export const verifyEmail = async (ctx: AuthContext, token: string): Promise<AuthUser> => {
  if (!isOpaqueToken(token)) throw verificationInvalid();
  const now = nowOf(ctx);
  return inTenant(ctx, async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>(
      'UPDATE email_verifications SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id',
      [hashToken(token), new Date(now)],
    );
    const userId = rows[0]?.user_id;
    if (userId === undefined) throw verificationInvalid();
    await markEmailVerified(tx, userId, now);
    const user = await findUserById(tx, userId);
    if (!user) throw verificationInvalid();
    return toAuthUser(user);
  });
};
