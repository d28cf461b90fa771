import type { Tx } from '@rustok/db';
import { isReadOnlyPermissionSet } from './access-token-permissions.js';

export type McpExposure = 'direct' | 'catalog';

/** A personal access token as the API shows it: never the secret nor its hash, only the first characters. */
export interface AccessTokenView {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** The first characters of the secret, to recognise it (`rtk_pat_AbCd`). */
  readonly prefix: string;
  readonly permissions: readonly string[];
  readonly readOnly: boolean;
  readonly mcpMode: McpExposure;
  /** ISO 8601 UTC; null: never expires. */
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly createdAt: string;
}

export interface AccessTokenRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  permissions: string[];
  mcp_mode: McpExposure;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
  created_at: Date | string;
}

export const TOKEN_COLUMNS = 'id, user_id, name, token_prefix, permissions, mcp_mode, expires_at, last_used_at, revoked_at, created_at';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export const toAccessTokenView = (row: AccessTokenRow): AccessTokenView => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.token_prefix,
  permissions: row.permissions,
  readOnly: isReadOnlyPermissionSet(row.permissions),
  mcpMode: row.mcp_mode,
  expiresAt: iso(row.expires_at),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
  createdAt: iso(row.created_at) ?? '',
});

export interface NewTokenRow {
  readonly id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly hash: string;
  readonly prefix: string;
  readonly permissions: readonly string[];
  readonly mcpMode: McpExposure;
  readonly expiresAt: Date | null;
  readonly now: Date;
}

export const insertAccessToken = async (tx: Tx, t: NewTokenRow): Promise<AccessTokenView> => {
  const { rows } = await tx.query<AccessTokenRow>(
    `INSERT INTO auth_access_tokens (id, tenant_id, user_id, name, token_hash, token_prefix, permissions, mcp_mode, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${TOKEN_COLUMNS}`,
    [t.id, t.tenantId, t.userId, t.name, t.hash, t.prefix, [...t.permissions], t.mcpMode, t.expiresAt, t.now],
  );
  return toAccessTokenView(rows[0] as AccessTokenRow);
};

/** One page of the tenant's tokens (of one user, or of everyone), newest first (ids are time-ordered). */
export const selectAccessTokens = async (
  tx: Tx,
  q: { readonly userId: string | null; readonly limit: number; readonly cursor: string | null },
): Promise<{ items: AccessTokenView[]; nextCursor: string | null }> => {
  const { rows } = await tx.query<AccessTokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM auth_access_tokens
      WHERE ($1::uuid IS NULL OR user_id = $1::uuid) AND ($2::uuid IS NULL OR id < $2::uuid)
      ORDER BY id DESC LIMIT $3`,
    [q.userId, q.cursor, q.limit + 1],
  );
  const items = rows.slice(0, q.limit).map(toAccessTokenView);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
};

/** Marks a token revoked (once); the row as it is after, with whether this call revoked it. */
export const markRevoked = async (
  tx: Tx,
  id: string,
  now: Date,
): Promise<{ readonly token: AccessTokenView; readonly revokedNow: boolean } | undefined> => {
  const updated = await tx.query<AccessTokenRow>(
    `UPDATE auth_access_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`,
    [id, now],
  );
  if (updated.rows[0]) return { token: toAccessTokenView(updated.rows[0]), revokedNow: true };
  const { rows } = await tx.query<AccessTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM auth_access_tokens WHERE id = $1`, [id]);
  return rows[0] && { token: toAccessTokenView(rows[0]), revokedNow: false };
};
