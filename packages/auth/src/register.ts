import { type AuthContext, inTenant, nowOf } from './context.js';
import { insertNewUser, type NewUserInput, validateNewUser } from './create-user.js';
import { authErrors } from './errors.js';
import { loadKeyRing } from './keys.js';
import { hashPassword } from './passwords.js';
import { type IssuedRefreshToken, issueRefreshToken } from './refresh.js';
import { type Session, sessionFor } from './session.js';
import type { AuthUser } from './users.js';
import { sendEmailVerification } from './verify-email.js';

const REGISTERED_ROLE = 'customer';

export interface RegisterResult {
  readonly user: AuthUser;
  /** Null when the address must be verified first. */
  readonly session: Session | null;
  /** The token sent through the outbound port when verification is required; never to be shown to the client. */
  readonly verificationToken: string | null;
}

/**
 * Self-registration as a `customer`. 403 AUTH_REGISTRATION_DISABLED when the tenant turned it off,
 * 409 AUTH_EMAIL_TAKEN, 422 for bad input. With e-mail verification on, no session is opened: a
 * verification token goes to the address through the outbound-message port instead.
 */
export const registerUser = async (ctx: AuthContext, input: NewUserInput): Promise<RegisterResult> => {
  if (!ctx.features.registration_enabled) {
    throw authErrors.AUTH_REGISTRATION_DISABLED('Registration is disabled for this tenant');
  }
  const valid = validateNewUser(input);
  const passwordHash = await hashPassword(valid.password, ctx.config);
  const now = nowOf(ctx);
  const ring = await loadKeyRing(ctx.db, { now });
  const verify = ctx.features.email_verification;
  const done = await inTenant(ctx, async (tx) => {
    const user = await insertNewUser(ctx, tx, {
      email: valid.email,
      name: valid.name,
      passwordHash,
      roles: [REGISTERED_ROLE],
      verified: false,
    });
    const verificationToken = verify ? await sendEmailVerification(ctx, tx, user, now) : null;
    const refresh: IssuedRefreshToken | null = verify
      ? null
      : await issueRefreshToken(tx, { userId: user.id }, { ttlSeconds: ctx.config.refresh_ttl_seconds, now });
    return { user, verificationToken, refresh };
  });
  const session = done.refresh ? await sessionFor(ring, ctx.config, done.user, done.refresh, now) : null;
  return { user: done.user, session, verificationToken: done.verificationToken };
};
