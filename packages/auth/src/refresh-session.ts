import type { AppError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { loadKeyRing } from './keys.js';
import { type RotationResult, revokeRefreshFamily, rotateRefreshToken } from './refresh.js';
import { type Session, sessionFor } from './session.js';
import { findUserById, toAuthUser, type UserRecord } from './users.js';

export interface RefreshInput {
  readonly refreshToken: string;
}

const userDisabled = (): AppError => authErrors.AUTH_USER_DISABLED('This account is disabled');

type Outcome =
  | Extract<RotationResult, { ok: false }>
  | { readonly ok: true; readonly user: UserRecord; readonly rotated: RotationResult & { ok: true } };

const rotate = (ctx: AuthContext, token: string, now: number): Promise<Outcome> =>
  inTenant(ctx, async (tx) => {
    const rotated = await rotateRefreshToken(tx, token, { ttlSeconds: ctx.config.refresh_ttl_seconds, now });
    if (!rotated.ok) return rotated;
    const user = await findUserById(tx, rotated.userId);
    if (user?.status === 'active') return { ok: true, user, rotated };
    await revokeRefreshFamily(tx, rotated.next.familyId, now);
    return { ok: false, error: userDisabled(), familyId: rotated.next.familyId, userId: rotated.userId };
  });

/**
 * A new pair for a refresh token, which is spent. A spent token presented again revokes its whole
 * family (401 AUTH_REFRESH_REUSED); the revocation commits before the error is thrown.
 */
export const refresh = async (ctx: AuthContext, input: RefreshInput): Promise<Session> => {
  const now = nowOf(ctx);
  const ring = await loadKeyRing(ctx.db, { now });
  const outcome = await rotate(ctx, input.refreshToken, now);
  if (!outcome.ok) {
    if (outcome.error.code === 'AUTH_REFRESH_REUSED') {
      ctx.logger.warn(
        { tenantId: ctx.tenantId, familyId: outcome.familyId, userId: outcome.userId },
        'refresh token reused: family revoked',
      );
    }
    throw outcome.error;
  }
  return sessionFor(ring, ctx.config, toAuthUser(outcome.user), outcome.rotated.next, now, outcome.user.tokenVersion);
};
