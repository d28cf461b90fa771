import type { Tx } from '@rustok/db';
import type { AppError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf, tenantOf } from './context.js';
import { authErrors } from './errors.js';
import { sendAfterCommit } from './outbound.js';
import { hashToken, isOpaqueToken, newOpaqueToken } from './refresh.js';
import { type AuthUser, findUserByEmail, findUserById, lookupEmail, markEmailVerified, toAuthUser } from './users.js';

/** How long an e-mail verification link works. */
const EMAIL_VERIFICATION_TTL_SECONDS = 48 * 3600;
/** Verification messages one account gets per hour at most (resends beyond are answered alike, but send nothing). */
const VERIFICATIONS_PER_HOUR = 5;

/** Stores a verification token for the user (only its hash); returns the token for the e-mail. */
export const createEmailVerification = async (tx: Tx, userId: string, now: number): Promise<string> => {
  const token = newOpaqueToken();
  await tx.query('INSERT INTO email_verifications (token_hash, tenant_id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)', [
    hashToken(token),
    tenantOf(tx),
    userId,
    new Date(now + EMAIL_VERIFICATION_TTL_SECONDS * 1000),
    new Date(now),
  ]);
  return token;
};

/** Creates a verification token and sends it to the user's address through the outbound port (after commit). */
export const sendEmailVerification = async (
  ctx: Pick<AuthContext, 'outbound' | 'logger'>,
  tx: Tx,
  user: { readonly id: string; readonly email: string },
  now: number,
): Promise<string> => {
  const token = await createEmailVerification(tx, user.id, now);
  const expiresAt = new Date(now + EMAIL_VERIFICATION_TTL_SECONDS * 1000).toISOString();
  await sendAfterCommit(ctx, tx, { tenantId: tenantOf(tx), to: user.email, template: 'verify-email', data: { token, expiresAt } });
  return token;
};

const recentVerifications = async (tx: Tx, userId: string, now: number): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM email_verifications WHERE user_id = $1 AND created_at > $2',
    [userId, new Date(now - 3600_000)],
  );
  return rows[0]?.n ?? 0;
};

/**
 * Sends a new verification message to an address whose account is not verified yet. The caller
 * always answers 202: whether a message goes out tells nothing to the client.
 */
export const resendEmailVerification = async (ctx: AuthContext, email: string): Promise<void> => {
  const now = nowOf(ctx);
  await inTenant(ctx, async (tx) => {
    const address = lookupEmail(email);
    const user = address === undefined ? undefined : await findUserByEmail(tx, address);
    if (!user || user.emailVerified || user.status !== 'active') return;
    if ((await recentVerifications(tx, user.id, now)) >= VERIFICATIONS_PER_HOUR) {
      ctx.logger.warn({ tenantId: ctx.tenantId, userId: user.id }, 'verification resend requested too often: no message sent');
      return;
    }
    await sendEmailVerification(ctx, tx, user, now);
  });
};

const verificationInvalid = (): AppError => authErrors.AUTH_VERIFICATION_INVALID('The verification link is invalid, used or expired');

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
