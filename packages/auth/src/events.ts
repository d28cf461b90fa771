import type { Tx } from '@rustok/db';
import { Email, type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { AuthContext } from './context.js';
import { authErrors } from './errors.js';

export const UserRegisteredV1 = Type.Object({ userId: Id(), email: Email() }, { additionalProperties: false });
export type UserRegisteredV1 = Static<typeof UserRegisteredV1>;

export const TenantSwitchedV1 = Type.Object(
  {
    switchId: Id(),
    adminUserId: Id(),
    adminTenantId: Id(),
    targetTenantId: Id(),
    roles: Type.Array(Type.String()),
    expiresAt: Type.String({ format: 'date-time' }),
    reason: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type TenantSwitchedV1 = Static<typeof TenantSwitchedV1>;

export const AccessTokenCreatedV1 = Type.Object(
  {
    tokenId: Id(),
    userId: Id(),
    name: Type.String({ maxLength: 100 }),
    permissions: Type.Array(Type.String()),
    mcpMode: Type.Union([Type.Literal('direct'), Type.Literal('catalog')]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type AccessTokenCreatedV1 = Static<typeof AccessTokenCreatedV1>;

export const AccessTokenRevokedV1 = Type.Object({ tokenId: Id(), userId: Id(), revokedBy: Id() }, { additionalProperties: false });
export type AccessTokenRevokedV1 = Static<typeof AccessTokenRevokedV1>;

/** Events the auth module publishes (its `events.emits`). */
export const authEvents: readonly EventDeclaration[] = [
  {
    type: 'auth.user.registered',
    schemaVersion: 1,
    payload: UserRegisteredV1,
    description: 'A user account was created in a tenant (self-registration or by an administrator)',
  },
  {
    type: 'auth.tenant.switched',
    schemaVersion: 1,
    payload: TenantSwitchedV1,
    description: 'A platform administrator switched into the tenant (audit): who, until when, why',
  },
  {
    type: 'auth.access_token.created',
    schemaVersion: 1,
    payload: AccessTokenCreatedV1,
    description: 'A user created a personal access token (audit): its name, permissions, MCP mode and expiry; never the secret',
  },
  {
    type: 'auth.access_token.revoked',
    schemaVersion: 1,
    payload: AccessTokenRevokedV1,
    description: 'A personal access token was revoked (audit): whose, and by whom',
  },
];

/** Publishes `auth.user.registered` in the caller's transaction, when the context has a bus. */
export const publishUserRegistered = async (
  ctx: Pick<AuthContext, 'bus' | 'tenantId'>,
  tx: Tx,
  payload: UserRegisteredV1,
): Promise<void> => {
  await ctx.bus?.publishInTx(tx, { type: 'auth.user.registered', schemaVersion: 1, tenantId: ctx.tenantId, payload });
};

/** Publishes the audit event of a tenant switch in the caller's transaction; without a bus there is no switch. */
export const publishTenantSwitched = async (
  ctx: Pick<AuthContext, 'bus'>,
  tx: Tx,
  tenantId: string,
  payload: TenantSwitchedV1,
): Promise<void> => {
  if (!ctx.bus) throw authErrors.AUTH_AUDIT_UNAVAILABLE('A tenant switch needs the event bus for its audit event');
  await ctx.bus.publishInTx(tx, { type: 'auth.tenant.switched', schemaVersion: 1, tenantId, payload });
};

/** Publishes an access token's `created` or `revoked` event in the caller's transaction, when the context has a bus. */
export const publishAccessTokenEvent = async (
  ctx: Pick<AuthContext, 'bus' | 'tenantId'>,
  tx: Tx,
  event:
    | { readonly type: 'auth.access_token.created'; readonly payload: AccessTokenCreatedV1 }
    | { readonly type: 'auth.access_token.revoked'; readonly payload: AccessTokenRevokedV1 },
): Promise<void> => {
  await ctx.bus?.publishInTx<AccessTokenCreatedV1 | AccessTokenRevokedV1>(tx, { ...event, schemaVersion: 1, tenantId: ctx.tenantId });
};
