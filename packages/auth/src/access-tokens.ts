import { generateId, hasPermission, kernelErrors, type Principal, validationError } from '@rustok/kernel';
import { notHeldBy } from './access-token-permissions.js';
import { type AccessTokenView, insertAccessToken, type McpExposure, markRevoked, selectAccessTokens } from './access-token-store.js';
import { type AuthContext, inTenant, nowOf } from './context.js';
import { authErrors } from './errors.js';
import { publishAccessTokenEvent } from './events.js';
import { permissionCatalogue } from './permission-catalogue.js';
import { hashToken, newOpaqueToken } from './refresh.js';

/** Personal access tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
export const ACCESS_TOKEN_PREFIX = 'rtk_pat_';
/** The permission to create (and list and revoke) one's own tokens, and to list and revoke everyone's. */
export const ACCESS_TOKENS_CREATE = 'auth.access_tokens.create';
export const ACCESS_TOKENS_MANAGE = 'auth.access_tokens.manage';

export interface NewAccessTokenInput {
  readonly name: string;
  readonly permissions: readonly string[];
  readonly mcpMode?: McpExposure | undefined;
  /** ISO 8601; absent: the token does not expire. */
  readonly expiresAt?: string | undefined;
}

/** A token just created: the only time its secret is shown. */
export interface CreatedAccessToken extends AccessTokenView {
  readonly token: string;
}

const actorOf = (actor: Principal | undefined): Principal => {
  if (!actor) throw kernelErrors.AUTH_REQUIRED('Creating an access token needs a signed-in user');
  if (actor.impersonatedBy) throw authErrors.AUTH_IMPERSONATION_NOT_ALLOWED('A tenant-switch token cannot create access tokens');
  if (actor.accessToken) throw authErrors.AUTH_SESSION_REQUIRED('An access token cannot create another one: sign in');
  return actor;
};

const checkInput = (ctx: AuthContext, actor: Principal, input: NewAccessTokenInput, now: number): Date | null => {
  const known = new Set(permissionCatalogue(ctx).flatMap((m) => m.permissions));
  const unknown = input.permissions.flatMap((p, i) =>
    known.has(p) ? [] : [{ path: `/permissions/${i}`, message: `"${p}" is not a permission of the catalogue` }],
  );
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  const past = expiresAt !== null && !(expiresAt.getTime() > now) ? [{ path: '/expiresAt', message: 'must be in the future' }] : [];
  const name = input.name.trim() ? [] : [{ path: '/name', message: 'must not be blank' }];
  if (unknown.length + past.length + name.length > 0) throw validationError([...name, ...unknown, ...past]);
  const missing = notHeldBy(actor, input.permissions);
  if (missing.length > 0) throw authErrors.AUTH_PERMISSION_NOT_HELD(`You do not hold ${missing.join(', ')}`);
  return expiresAt;
};

/**
 * A staff user creates a personal access token in the tenant: its permissions a subset of their
 * own, an optional expiry, the MCP exposure mode. Only the secret's SHA-256 is stored; the secret
 * is in this answer and nowhere else. `auth.access_token.created` commits with the row.
 */
export const createAccessToken = async (
  ctx: AuthContext,
  principal: Principal | undefined,
  input: NewAccessTokenInput,
): Promise<CreatedAccessToken> => {
  const actor = actorOf(principal);
  const now = nowOf(ctx);
  const expiresAt = checkInput(ctx, actor, input, now);
  const token = `${ACCESS_TOKEN_PREFIX}${newOpaqueToken()}`;
  const permissions = [...new Set(input.permissions)].sort();
  const mcpMode = input.mcpMode ?? 'direct';
  const view = await inTenant(ctx, async (tx) => {
    const row = { id: generateId(now), tenantId: ctx.tenantId, userId: actor.userId, name: input.name.trim(), permissions, mcpMode };
    const created = await insertAccessToken(tx, {
      ...row,
      hash: hashToken(token),
      prefix: token.slice(0, 12),
      expiresAt,
      now: new Date(now),
    });
    const payload = { tokenId: row.id, userId: row.userId, name: row.name, permissions, mcpMode, expiresAt: created.expiresAt };
    await publishAccessTokenEvent(ctx, tx, { type: 'auth.access_token.created', payload });
    return created;
  });
  return { ...view, token };
};

export interface AccessTokenQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Everyone's tokens (needs auth.access_tokens.manage); the caller's own otherwise. */
  readonly all?: boolean | undefined;
}

/** The caller's own tokens, or with `all` (and the manage permission) every token of the tenant; newest first. */
export const listAccessTokens = (ctx: AuthContext, actor: Principal | undefined, q: AccessTokenQuery) => {
  if (!actor) throw kernelErrors.AUTH_REQUIRED('Listing access tokens needs a signed-in user');
  if (q.all && !hasPermission(actor, ACCESS_TOKENS_MANAGE)) {
    throw kernelErrors.AUTH_FORBIDDEN(`Listing everyone's access tokens needs ${ACCESS_TOKENS_MANAGE}`);
  }
  return inTenant(ctx, (tx) => selectAccessTokens(tx, { userId: q.all ? null : actor.userId, limit: q.limit, cursor: q.cursor ?? null }));
};

/**
 * Revokes a token: the caller's own, or anyone's with the manage permission (another user's token
 * is otherwise not found, like another tenant's). Revoking twice is no error; the event is published once.
 */
export const revokeAccessToken = async (ctx: AuthContext, actor: Principal | undefined, id: string): Promise<AccessTokenView> => {
  if (!actor) throw kernelErrors.AUTH_REQUIRED('Revoking an access token needs a signed-in user');
  const manager = hasPermission(actor, ACCESS_TOKENS_MANAGE);
  return inTenant(ctx, async (tx) => {
    const owner = await tx.query<{ user_id: string }>('SELECT user_id FROM auth_access_tokens WHERE id = $1 FOR UPDATE', [id]);
    const userId = owner.rows[0]?.user_id;
    if (userId === undefined || (!manager && userId !== actor.userId)) {
      throw authErrors.AUTH_ACCESS_TOKEN_NOT_FOUND(`No access token ${id}`);
    }
    const result = await markRevoked(tx, id, new Date(nowOf(ctx)));
    if (!result) throw authErrors.AUTH_ACCESS_TOKEN_NOT_FOUND(`No access token ${id}`);
    if (result.revokedNow) {
      await publishAccessTokenEvent(ctx, tx, {
        type: 'auth.access_token.revoked',
        payload: { tokenId: id, userId, revokedBy: actor.userId },
      });
    }
    return result.token;
  });
};
