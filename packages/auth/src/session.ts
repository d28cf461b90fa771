import type { AuthConfig } from './context.js';
import type { KeyRing } from './keys.js';
import type { IssuedRefreshToken } from './refresh.js';
import { issueAccessToken } from './tokens.js';
import type { AuthUser } from './users.js';

/** What register, login and refresh answer with. */
export interface Session {
  readonly user: AuthUser;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Lifetime of the access token, in seconds. */
  readonly expiresIn: number;
}

/**
 * Signs an access token for the user (of the user's token generation, in the refresh token's
 * family) and pairs it with the stored refresh token.
 */
export const sessionFor = async (
  ring: KeyRing,
  auth: Pick<AuthConfig, 'issuer' | 'access_ttl_seconds'>,
  user: AuthUser,
  refresh: IssuedRefreshToken,
  now: number,
  tokenVersion = 0,
): Promise<Session> => ({
  user,
  accessToken: await issueAccessToken(
    ring,
    { userId: user.id, tenantId: user.tenantId, roles: user.roles, version: tokenVersion, sessionId: refresh.familyId },
    auth,
    now,
  ),
  refreshToken: refresh.token,
  expiresIn: auth.access_ttl_seconds,
});
