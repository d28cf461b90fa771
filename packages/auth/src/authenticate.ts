import { type Database, preparedSql } from '@rustok/db';
import type { AppError, Principal } from '@rustok/kernel';
import { authenticateAccessToken, isPersonalAccessToken } from './access-token-auth.js';
import { type AuthContext, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { loadKeyRing } from './keys.js';
import { customRolePermissions, effectivePermissions } from './permissions.js';
import { isBuiltInRole } from './roles.js';
import { type AccessClaims, tokenInvalid, tokenKid, verifyAccessToken } from './tokens.js';

export type AuthenticateContext = Pick<AuthContext, 'db' | 'tenantId' | 'config' | 'roles' | 'now'>;

const tokenRevoked = (): AppError =>
  authErrors.AUTH_TOKEN_REVOKED('The access token was revoked (the account was disabled, its password changed or its session ended)');

/**
 * Whether the token's user (the impersonator, on a tenant-switch token) is still active, the token
 * of their current generation and its session (refresh-token family, claim `sid`) not revoked by a
 * logout or a detected reuse. Read from the database on every request (one statement, through
 * `auth_token_state`, in the holder's tenant), so disabling a user, changing a password or ending a
 * session takes effect at once on every instance.
 */
const STATE_SQL = preparedSql('auth_token_state', 'SELECT status, token_version, session_revoked FROM auth_token_state($1, $2, $3)');

const assertCurrent = async (db: Database, holder: Holder, version: number, sessionId: string | undefined): Promise<void> => {
  const { rows } = await db.query<{ status: string; token_version: number; session_revoked: boolean }>(STATE_SQL, [
    holder.tenantId,
    holder.userId,
    sessionId ?? null,
  ]);
  const user = rows[0];
  if (user?.status !== 'active' || user.token_version !== version || user.session_revoked) throw tokenRevoked();
};

interface Holder {
  readonly userId: string;
  readonly tenantId: string;
}

const holderOf = (claims: AccessClaims): Holder => claims.impersonatedBy ?? { userId: claims.sub, tenantId: claims.tid };

/**
 * The principal of a bearer token for the context's tenant. A token of another tenant is invalid
 * (401); a token of a disabled user or of an older generation is revoked (401 AUTH_TOKEN_REVOKED);
 * an unknown kid makes the key ring be read again (another instance may have rotated). A personal
 * access token (`rtk_pat_…`) is looked up instead (see access-token-auth.ts).
 */
export const authenticate = async (ctx: AuthenticateContext, token: string): Promise<Principal> => {
  if (isPersonalAccessToken(token)) return authenticateAccessToken(ctx, token);
  const now = nowOf(ctx);
  const kid = tokenKid(token);
  const ring = await loadKeyRing(ctx.db, { now, ...(kid === undefined ? {} : { kid }) });
  const claims = await verifyAccessToken(ring, token, { issuer: ctx.config.issuer, now });
  if (claims.tid !== ctx.tenantId) throw tokenInvalid('The access token belongs to another tenant');
  const holder = holderOf(claims);
  await assertCurrent(ctx.db, holder, claims.ver, claims.impersonatedBy ? undefined : claims.sid);
  // A tenant-switch token carries built-in roles only; custom roles are read in the user's own tenant.
  const custom =
    claims.roles.some((role) => !isBuiltInRole(role)) && !claims.impersonatedBy
      ? await ctx.db.transaction((tx) => customRolePermissions(tx, claims.roles), { tenantId: holder.tenantId })
      : new Map<string, readonly string[]>();
  return {
    userId: claims.sub,
    tenantId: claims.tid,
    roles: claims.roles,
    permissions: effectivePermissions(ctx, claims.roles, custom),
    ...(claims.sid === undefined ? {} : { sessionId: claims.sid }),
    ...(claims.impersonatedBy === undefined ? {} : { impersonatedBy: claims.impersonatedBy }),
  };
};
