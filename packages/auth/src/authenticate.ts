import type { Principal } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { loadKeyRing } from './keys.js';
import { customRolePermissions, effectivePermissions } from './permissions.js';
import { isBuiltInRole } from './roles.js';
import { tokenInvalid, tokenKid, verifyAccessToken } from './tokens.js';

export type AuthenticateContext = Pick<AuthContext, 'db' | 'tenantId' | 'config' | 'roles' | 'now'>;

/**
 * The principal of a bearer token for the context's tenant. A token of another tenant is invalid
 * (401); an unknown kid makes the key ring be read again (another instance may have rotated).
 */
export const authenticate = async (ctx: AuthenticateContext, token: string): Promise<Principal> => {
  const now = nowOf(ctx);
  const kid = tokenKid(token);
  const ring = await loadKeyRing(ctx.db, { now, ...(kid === undefined ? {} : { kid }) });
  const claims = await verifyAccessToken(ring, token, { issuer: ctx.config.issuer, now });
  if (claims.tid !== ctx.tenantId) throw tokenInvalid('The access token belongs to another tenant');
  const custom = claims.roles.some((role) => !isBuiltInRole(role))
    ? await inTenant(ctx, (tx) => customRolePermissions(tx, claims.roles))
    : new Map<string, readonly string[]>();
  return { userId: claims.sub, tenantId: claims.tid, roles: claims.roles, permissions: effectivePermissions(ctx, claims.roles, custom) };
};
