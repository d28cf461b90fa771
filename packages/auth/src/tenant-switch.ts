import { generateId, type Principal } from '@rustok/kernel';
import { findTenantById, tenancyErrors } from '@rustok/tenancy';
import type { AuthContext } from './context.js';
import { nowOf } from './context.js';
import { authErrors } from './errors.js';
import { publishTenantSwitched } from './events.js';
import { loadKeyRing } from './keys.js';
import { issueAccessToken } from './tokens.js';
import { findUserById } from './users.js';

/** Lifetime of a tenant-switch token at most (never longer than an ordinary access token). */
const TENANT_SWITCH_TTL_SECONDS = 900;
/** What a platform administrator may do in the tenant switched to: what its own administrators may. */
const TENANT_SWITCH_ROLES: readonly string[] = ['admin'];

export interface TenantSwitchInput {
  readonly tenantId: string;
  /** Why the administrator acts in the tenant (kept in the audit event). */
  readonly reason?: string | undefined;
}

/** A short-lived access token for another tenant; there is no refresh token. */
export interface TenantSwitch {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly tenant: { readonly id: string; readonly slug: string; readonly name: string };
  readonly impersonatedBy: { readonly userId: string; readonly tenantId: string; readonly email: string };
  /** The token's `jti`, also the `switchId` of the audit event. */
  readonly switchId: string;
}

type SwitchContext = Omit<AuthContext, 'tenantId'>;

const targetTenant = async (ctx: SwitchContext, tenantId: string) => {
  const tenant = await findTenantById(ctx.db, tenantId);
  if (!tenant) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${tenantId}`);
  if (!tenant.isActive) throw tenancyErrors.TENANT_INACTIVE(`Tenant "${tenant.slug}" is not active`);
  return tenant;
};

const administrator = async (ctx: SwitchContext, admin: Principal) => {
  const user = await ctx.db.transaction((tx) => findUserById(tx, admin.userId), { tenantId: admin.tenantId });
  if (user?.status !== 'active') throw authErrors.AUTH_TOKEN_REVOKED('The access token was revoked');
  return user;
};

/**
 * A platform administrator switches into a tenant: an audited, explicit act. The event
 * `auth.tenant.switched` is written to the outbox (in the target tenant) before the token is
 * signed; the token (`impersonatedBy`, `jti`, no refresh token) is valid in that tenant only and
 * for at most 15 minutes, and is refused as soon as the administrator is disabled.
 */
export const switchTenant = async (ctx: SwitchContext, admin: Principal, input: TenantSwitchInput): Promise<TenantSwitch> => {
  if (admin.impersonatedBy) {
    throw authErrors.AUTH_IMPERSONATION_NOT_ALLOWED('A tenant-switch token cannot switch again');
  }
  const tenant = await targetTenant(ctx, input.tenantId);
  const user = await administrator(ctx, admin);
  const now = nowOf(ctx);
  const ttl = Math.min(TENANT_SWITCH_TTL_SECONDS, ctx.config.access_ttl_seconds);
  const switchId = generateId(now);
  const expiresAt = new Date(Math.floor(now / 1000) * 1000 + ttl * 1000).toISOString();
  const impersonatedBy = { userId: user.id, tenantId: admin.tenantId };
  await ctx.db.transaction(
    (tx) =>
      publishTenantSwitched(ctx, tx, tenant.id, {
        switchId,
        adminUserId: user.id,
        adminTenantId: admin.tenantId,
        targetTenantId: tenant.id,
        roles: [...TENANT_SWITCH_ROLES],
        expiresAt,
        reason: input.reason ?? null,
      }),
    { tenantId: tenant.id },
  );
  ctx.logger.warn(
    { switchId, adminUserId: user.id, targetTenantId: tenant.id, reason: input.reason },
    'platform administrator switched into a tenant',
  );
  const ring = await loadKeyRing(ctx.db, { now });
  const subject = { userId: user.id, tenantId: tenant.id, roles: TENANT_SWITCH_ROLES, version: user.tokenVersion, impersonatedBy };
  const accessToken = await issueAccessToken(ring, { ...subject, tokenId: switchId, ttlSeconds: ttl }, ctx.config, now);
  return {
    accessToken,
    expiresIn: ttl,
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    impersonatedBy: { ...impersonatedBy, email: user.email },
    switchId,
  };
};
