import type { Tx } from '@rustok/db';
import type { FieldError, SqlRunner } from '@rustok/kernel';

export type UserStatus = 'active' | 'disabled';

/** A user as the API shows it (never the password hash). */
export interface AuthUser {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly name: string | null;
  readonly status: UserStatus;
  readonly emailVerified: boolean;
  readonly roles: readonly string[];
  /** ISO 8601 UTC. */
  readonly createdAt: string;
}

/** A user with the stored hash, for credential checks only. */
export interface UserRecord extends AuthUser {
  readonly passwordHash: string;
  /** Generation of the user's access tokens: a token of an older generation is revoked. */
  readonly tokenVersion: number;
}

const EMAIL_MAX_LENGTH = 254;
const NAME_MAX_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Printable ASCII only: what the events' `email` format accepts (and no lookalike letters). */
const ASCII_PATTERN = /^[\x21-\x7e]*$/;

/**
 * E-mail addresses are compared in Unicode compatibility form (NFKC: fullwidth letters and signs
 * become their ASCII twins, so they name the same account), trimmed and lower-cased.
 */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();

/** The normalised address when it could belong to an account (looked up), undefined otherwise (never looked up). */
export const lookupEmail = (email: string): string | undefined => {
  const address = normalizeEmail(email);
  return address.includes('\u0000') || emailProblems(address).length > 0 ? undefined : address;
};

export const emailProblems = (email: string): FieldError[] => {
  if (email.length > EMAIL_MAX_LENGTH) return [{ path: '/email', message: `must have at most ${EMAIL_MAX_LENGTH} characters` }];
  if (!EMAIL_PATTERN.test(email)) return [{ path: '/email', message: 'must be an e-mail address' }];
  return ASCII_PATTERN.test(email) ? [] : [{ path: '/email', message: 'must be an e-mail address of ASCII characters' }];
};

export const nameProblems = (name: string | null): FieldError[] =>
  name !== null && [...name].length > NAME_MAX_LENGTH
    ? [{ path: '/name', message: `must have at most ${NAME_MAX_LENGTH} characters` }]
    : [];

interface UserRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  email: string;
  password_hash: string;
  name: string | null;
  status: UserStatus;
  token_version: number;
  email_verified_at: Date | null;
  created_at: Date;
  roles: string[] | null;
}

const SELECT_USER = `
SELECT u.id, u.tenant_id, u.email, u.password_hash, u.name, u.status, u.token_version, u.email_verified_at, u.created_at,
       (SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  email: row.email,
  name: row.name,
  status: row.status,
  emailVerified: row.email_verified_at !== null,
  roles: row.roles ?? [],
  createdAt: new Date(row.created_at).toISOString(),
  passwordHash: row.password_hash,
  tokenVersion: row.token_version,
});

/** The public view of a record. */
export const toAuthUser = (record: UserRecord): AuthUser => {
  const { passwordHash: _, tokenVersion: __, ...user } = record;
  return user;
};

/** The user of the transaction's tenant with this (normalised) e-mail. */
export const findUserByEmail = async (tx: Tx, email: string): Promise<UserRecord | undefined> => {
  const { rows } = await tx.query<UserRow>(`${SELECT_USER} WHERE u.email = $1`, [email]);
  return rows[0] && toRecord(rows[0]);
};

export const findUserById = async (tx: Tx, id: string): Promise<UserRecord | undefined> => {
  const { rows } = await tx.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return rows[0] && toRecord(rows[0]);
};

/** An active user's address and name, for a module that mails them (in the caller's tenant transaction); never the credentials. */
export const findUserAddress = async (tx: SqlRunner, id: string): Promise<{ email: string; name: string | null } | undefined> => {
  const { rows } = await tx.query<{ email: string; name: string | null }>(
    "SELECT email, name FROM users WHERE id = $1 AND status = 'active'",
    [id],
  );
  return rows[0];
};

export const updatePasswordHash = async (tx: Tx, userId: string, passwordHash: string, now: number): Promise<void> => {
  await tx.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [userId, passwordHash, new Date(now)]);
};

export const markEmailVerified = async (tx: Tx, userId: string, now: number): Promise<void> => {
  await tx.query('UPDATE users SET email_verified_at = coalesce(email_verified_at, $2), updated_at = $2 WHERE id = $1', [
    userId,
    new Date(now),
  ]);
};

/**
 * Revokes every access token of the user issued so far (they carry the older generation);
 * returns the new generation, which tokens issued from now on carry.
 */
export const bumpTokenVersion = async (tx: Tx, userId: string, now: number): Promise<number> => {
  const { rows } = await tx.query<{ token_version: number }>(
    'UPDATE users SET token_version = token_version + 1, updated_at = $2 WHERE id = $1 RETURNING token_version',
    [userId, new Date(now)],
  );
  return rows[0]?.token_version ?? 0;
};
