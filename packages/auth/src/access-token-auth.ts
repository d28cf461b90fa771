import type { Tx } from '@rustok/db';
import type { Principal } from '@rustok/kernel';
import { isReadOnlyPermissionSet, tokenEffectivePermissions } from './access-token-permissions.js';
import type { McpExposure } from './access-token-store.js';
import { ACCESS_TOKEN_PREFIX } from './access-tokens.js';
import type { AuthContext } from './context.js';
import { nowOf } from './context.js';
import { authErrors } from './errors.js';
import { customRolePermissions, effectivePermissions } from './permissions.js';
import { hashToken, isOpaqueToken } from './refresh.js';

/** Whether a bearer token is a personal access token (not a JWT). */
export const isPersonalAccessToken = (token: string): boolean => token.startsWith(ACCESS_TOKEN_PREFIX);

/** The last-used time is written at most this often per token (a read on every request, a write once a minute). */
const LAST_USED_GRANULARITY_MS = 60_000;

interface TokenState extends Record<string, unknown> {
  id: string;
  user_id: string;
  permissions: string[];
  mcp_mode: McpExposure;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
  status: string;
  roles: string[] | null;
}

const STATE_SQL = `
SELECT t.id, t.user_id, t.permissions, t.mcp_mode, t.expires_at, t.last_used_at, t.revoked_at, u.status,
       (SELECT array_agg(r.role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM auth_access_tokens t JOIN users u ON u.id = t.user_id
 WHERE t.token_hash = $1`;

const invalid = () => authErrors.AUTH_TOKEN_INVALID('The access token is unknown in this tenant');

const assertUsable = (row: TokenState | undefined, now: number): TokenState => {
  if (!row) throw invalid();
  if (row.revoked_at !== null || row.status !== 'active') {
    throw authErrors.AUTH_TOKEN_REVOKED('The access token was revoked (or its user disabled)');
  }
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now)
    throw authErrors.AUTH_TOKEN_EXPIRED('The access token has expired');
  return row;
};

const touch = async (tx: Tx, row: TokenState, now: number): Promise<void> => {
  if (row.last_used_at !== null && now - new Date(row.last_used_at).getTime() < LAST_USED_GRANULARITY_MS) return;
  await tx.query('UPDATE auth_access_tokens SET last_used_at = $2 WHERE id = $1', [row.id, new Date(now)]);
};

/**
 * The principal of a personal access token in the context's tenant. A token is looked up by its
 * hash under the tenant's row-level security, so another tenant's token is unknown (401
 * AUTH_TOKEN_INVALID); revoked or of a disabled user → AUTH_TOKEN_REVOKED; expired →
 * AUTH_TOKEN_EXPIRED. Its permissions are those it was given that the user still holds now.
 */
export const authenticateAccessToken = async (
  ctx: Pick<AuthContext, 'db' | 'tenantId' | 'roles' | 'now'>,
  token: string,
): Promise<Principal> => {
  if (!isOpaqueToken(token.slice(ACCESS_TOKEN_PREFIX.length))) throw invalid();
  const now = nowOf(ctx);
  return ctx.db.transaction(
    async (tx) => {
      const row = assertUsable((await tx.query<TokenState>(STATE_SQL, [hashToken(token)])).rows[0], now);
      const roles = row.roles ?? [];
      const userPermissions = effectivePermissions(ctx, roles, await customRolePermissions(tx, roles));
      await touch(tx, row, now);
      return {
        userId: row.user_id,
        tenantId: ctx.tenantId,
        roles,
        permissions: tokenEffectivePermissions(row.permissions, userPermissions),
        accessToken: { id: row.id, mcpMode: row.mcp_mode, readOnly: isReadOnlyPermissionSet(row.permissions) },
      };
    },
    { tenantId: ctx.tenantId },
  );
};
