import { randomBytes } from 'node:crypto';
import { type AuthServices, type AuthUser, createUser } from '@rustok/auth';
import type { Database } from '@rustok/db';
import { errorCodeOf } from '@rustok/kernel';

export interface AdminCredentials {
  readonly email: string;
  readonly password: string;
}

/** The platform administrator (super_admin) of the default tenant, if there is one. */
const findPlatformAdmin = async (db: Database, tenantId: string): Promise<string | undefined> => {
  const { rows } = await db.transaction(
    (tx) =>
      tx.query<{ email: string }>(
        "SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'super_admin' ORDER BY u.created_at LIMIT 1",
      ),
    { tenantId },
  );
  return rows[0]?.email;
};

/** Creates a super_admin in the default tenant (`rustok admin create`, or the first start with RUSTOK_ADMIN_*). */
export const createPlatformAdmin = (auth: AuthServices, tenantId: string, credentials: AdminCredentials): Promise<AuthUser> =>
  createUser({ ...auth, tenantId }, { ...credentials, roles: ['super_admin'], emailVerified: true });

/** First start: creates the platform administrator from the environment unless one exists. */
export const bootstrapPlatformAdmin = async (
  auth: AuthServices,
  tenantId: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<AuthUser | undefined> => {
  const email = env.RUSTOK_ADMIN_EMAIL;
  const password = env.RUSTOK_ADMIN_PASSWORD;
  if (!email || !password) return undefined;
  if (await findPlatformAdmin(auth.db, tenantId)) return undefined;
  return createPlatformAdmin(auth, tenantId, { email, password }).catch(async (error: unknown) => {
    // Processes starting side by side (a split deployment) race for it: the loser finds the winner's administrator.
    if (isEmailTaken(error) && (await findPlatformAdmin(auth.db, tenantId))) return undefined;
    throw error;
  });
};

const isEmailTaken = (error: unknown): boolean => errorCodeOf(error) === 'AUTH_EMAIL_TAKEN';

/** The sign-in a first start made up (development only): shown once, never stored in clear. */
export interface GeneratedAdmin extends AdminCredentials {
  readonly generated: true;
}

export const DEMO_ADMIN_EMAIL = 'admin@rustok.localhost';

/**
 * First start of a development platform with no administrator and none configured: one is made
 * with a random password, so that the admin app can be signed in to at once (the caller prints it).
 */
export const bootstrapDemoAdmin = async (auth: AuthServices, tenantId: string): Promise<GeneratedAdmin | undefined> => {
  if (await findPlatformAdmin(auth.db, tenantId)) return undefined;
  const credentials = { email: DEMO_ADMIN_EMAIL, password: randomBytes(12).toString('base64url') };
  await createPlatformAdmin(auth, tenantId, credentials);
  return { ...credentials, generated: true };
};
