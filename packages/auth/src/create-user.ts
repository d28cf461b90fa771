import type { Tx } from '@rustok/db';
import { type AppError, type FieldError, generateId, validationError } from '@rustok/kernel';
import { type AuthContext, inTenant, nowOf, tenantOf } from './context.js';
import { authErrors } from './errors.js';
import { publishUserRegistered } from './events.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { isBuiltInRole } from './roles.js';
import { type AuthUser, emailProblems, findUserById, nameProblems, normalizeEmail, toAuthUser } from './users.js';

export interface NewUserInput {
  readonly email: string;
  readonly password: string;
  readonly name?: string | null | undefined;
}

export interface ValidNewUser {
  readonly email: string;
  readonly password: string;
  readonly name: string | null;
}

/** Normalises the input and checks every field at once (422 VALIDATION_FAILED). */
export const validateNewUser = (input: NewUserInput): ValidNewUser => {
  const email = normalizeEmail(input.email);
  const name = input.name?.trim() || null;
  const problems = [...emailProblems(email), ...passwordProblems(input.password, email), ...nameProblems(name)];
  if (problems.length > 0) throw validationError(problems);
  return { email, password: input.password, name };
};

const emailTaken = (): AppError => authErrors.AUTH_EMAIL_TAKEN('An account with this e-mail address already exists');

export interface NewUserRow {
  readonly email: string;
  readonly passwordHash: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly verified: boolean;
}

/** Inserts the user and its roles and publishes `auth.user.registered`; 409 AUTH_EMAIL_TAKEN when the address is in use. */
export const insertNewUser = async (ctx: Pick<AuthContext, 'bus' | 'tenantId' | 'now'>, tx: Tx, user: NewUserRow): Promise<AuthUser> => {
  const now = new Date(nowOf(ctx));
  const id = generateId(now.getTime());
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO users (id, tenant_id, email, password_hash, name, email_verified_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id`,
    [id, tenantOf(tx), user.email, user.passwordHash, user.name, user.verified ? now : null, now],
  );
  if (rows.length === 0) throw emailTaken();
  for (const role of new Set(user.roles)) {
    await tx.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, $3)', [tenantOf(tx), id, role]);
  }
  await publishUserRegistered(ctx, tx, { userId: id, email: user.email });
  const created = await findUserById(tx, id);
  if (!created) throw authErrors.AUTH_USER_NOT_FOUND('The new user could not be read back', { status: 500 });
  return toAuthUser(created);
};

/** Roles that are neither built in nor defined by the tenant (422). */
export const unknownRoles = async (tx: Tx, roles: readonly string[]): Promise<FieldError[]> => {
  const custom = roles.filter((role) => !isBuiltInRole(role));
  if (custom.length === 0) return [];
  const { rows } = await tx.query<{ name: string }>('SELECT name FROM tenant_roles WHERE name = ANY($1::text[])', [custom]);
  const known = new Set(rows.map((r) => r.name));
  return roles.flatMap((role, i) =>
    isBuiltInRole(role) || known.has(role) ? [] : [{ path: `/roles/${i}`, message: `unknown role "${role}"` }],
  );
};

export interface CreateUserInput extends NewUserInput {
  readonly roles: readonly string[];
  /** Administrators vouch for the address unless told otherwise. */
  readonly emailVerified?: boolean;
}

/**
 * Creates a user with the given roles, for administrators and bootstrap (no registration switch,
 * no e-mail verification). Who may grant which role is the caller's check.
 */
export const createUser = async (ctx: AuthContext, input: CreateUserInput): Promise<AuthUser> => {
  const valid = validateNewUser(input);
  const passwordHash = await hashPassword(valid.password, ctx.config);
  return inTenant(ctx, async (tx) => {
    const problems = await unknownRoles(tx, input.roles);
    if (problems.length > 0) throw validationError(problems);
    const row = { email: valid.email, passwordHash, name: valid.name, roles: input.roles, verified: input.emailVerified ?? true };
    return insertNewUser(ctx, tx, row);
  });
};
