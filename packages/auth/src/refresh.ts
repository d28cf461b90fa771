import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '@rustok/db';
import { type AppError, generateId } from '@rustok/kernel';
import { tenantOf } from './context.js';
import { authErrors } from './errors.js';

/** An opaque secret: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether the text can be a token we issued (anything else is refused without a query). */
export const isOpaqueToken = (token: unknown): token is string => typeof token === 'string' && OPAQUE_TOKEN.test(token);

export interface IssuedRefreshToken {
  readonly token: string;
  readonly familyId: string;
  readonly expiresAt: Date;
}

export interface RefreshTiming {
  readonly ttlSeconds: number;
  readonly now: number;
}

/** Stores a new refresh token for the user, in a new family or the given one. */
export const issueRefreshToken = async (
  tx: Tx,
  input: { readonly userId: string; readonly familyId?: string },
  timing: RefreshTiming,
): Promise<IssuedRefreshToken> => {
  const token = newOpaqueToken();
  const familyId = input.familyId ?? generateId(timing.now);
  const expiresAt = new Date(timing.now + timing.ttlSeconds * 1000);
  await tx.query(
    `INSERT INTO refresh_tokens (id, tenant_id, user_id, family_id, token_hash, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [generateId(timing.now), tenantOf(tx), input.userId, familyId, hashToken(token), expiresAt, new Date(timing.now)],
  );
  return { token, familyId, expiresAt };
};

const refreshInvalid = (): AppError => authErrors.AUTH_REFRESH_INVALID('The refresh token is invalid, expired or revoked');

const refreshReused = (): AppError =>
  authErrors.AUTH_REFRESH_REUSED('The refresh token was already used; every session of its family is revoked');

/** Revokes every token of a family that is not revoked yet; returns how many. */
export const revokeRefreshFamily = async (tx: Tx, familyId: string, now: number): Promise<number> => {
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL RETURNING id',
    [familyId, new Date(now)],
  );
  return rows.length;
};

/** Revokes every refresh token of a user (password change, account disabled). */
export const revokeUserRefreshTokens = async (tx: Tx, userId: string, now: number): Promise<number> => {
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
    [userId, new Date(now)],
  );
  return rows.length;
};

interface TokenRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const findForUpdate = async (tx: Tx, token: string): Promise<TokenRow | undefined> => {
  if (!isOpaqueToken(token)) return undefined;
  const { rows } = await tx.query<TokenRow>(
    'SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
    [hashToken(token)],
  );
  return rows[0];
};

/**
 * A refused rotation is returned, not thrown: a reuse revokes the family, and that revocation must
 * commit. The caller throws `error` once its transaction is over.
 */
export type RotationResult =
  | { readonly ok: true; readonly userId: string; readonly next: IssuedRefreshToken }
  | { readonly ok: false; readonly error: AppError; readonly familyId?: string; readonly userId?: string };

/**
 * Spends a refresh token and issues its successor in the same family. A token presented a second
 * time means it was stolen (or the client raced): the whole family is revoked (AUTH_REFRESH_REUSED).
 */
export const rotateRefreshToken = async (tx: Tx, token: string, timing: RefreshTiming): Promise<RotationResult> => {
  const row = await findForUpdate(tx, token);
  if (!row) return { ok: false, error: refreshInvalid() };
  const ids = { familyId: row.family_id, userId: row.user_id };
  if (row.used_at !== null) {
    await revokeRefreshFamily(tx, row.family_id, timing.now);
    return { ok: false, error: refreshReused(), ...ids };
  }
  if (row.revoked_at !== null || new Date(row.expires_at).getTime() <= timing.now) return { ok: false, error: refreshInvalid(), ...ids };
  await tx.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1', [row.id, new Date(timing.now)]);
  const next = await issueRefreshToken(tx, { userId: row.user_id, familyId: row.family_id }, timing);
  return { ok: true, userId: row.user_id, next };
};

/** Revokes the family of a token, if the token is known; returns whether it was. */
export const revokeFamilyOfToken = async (tx: Tx, token: string, now: number): Promise<boolean> => {
  if (!isOpaqueToken(token)) return false;
  const { rows } = await tx.query<{ family_id: string }>('SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [hashToken(token)]);
  const familyId = rows[0]?.family_id;
  if (familyId === undefined) return false;
  await revokeRefreshFamily(tx, familyId, now);
  return true;
};
