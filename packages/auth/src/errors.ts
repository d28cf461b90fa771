import { defineErrors, kernelErrors } from '@rustok/kernel';

/** Every coded error auth raises (problem+json `code`, GraphQL `extensions.code`), declared once for the error catalogue. */
export const authErrors = defineErrors('auth', {
  AUTH_ACCESS_TOKEN_NOT_FOUND: {
    status: 404,
    title: 'Not found',
    description: 'No such personal access token (of the caller) in the tenant',
  },
  AUTH_ACCOUNT_LOCKED: {
    status: 429,
    title: 'Too many requests',
    description: 'Too many failed logins: the account is locked for a while',
  },
  AUTH_AUDIT_UNAVAILABLE: { status: 503, title: 'Service unavailable', description: 'A tenant switch cannot be audited (no event bus)' },
  AUTH_CURRENT_PASSWORD_WRONG: {
    status: 422,
    title: 'Unprocessable content',
    description: 'The current password given for a password change is wrong',
  },
  AUTH_EMAIL_NOT_VERIFIED: { status: 403, title: 'Forbidden', description: 'The account must verify its e-mail address before logging in' },
  AUTH_EMAIL_TAKEN: { status: 409, title: 'Conflict', description: 'An account with this e-mail address exists in the tenant' },
  AUTH_IMPERSONATION_NOT_ALLOWED: { status: 403, title: 'Forbidden', description: 'Not available with a tenant-switch token' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    title: 'Unauthorized',
    description: 'Wrong e-mail address or password (the detail names the tenant tried)',
  },
  AUTH_NO_SIGNING_KEY: { status: 500, title: 'Internal server error', description: 'No signing key could be created (a defect)' },
  AUTH_RATE_LIMITED: { status: 429, title: 'Too many requests', description: 'Too many login attempts from this address' },
  AUTH_PERMISSION_NOT_HELD: {
    status: 403,
    title: 'Forbidden',
    description: 'An access token may only hold permissions its creator holds',
  },
  AUTH_REFRESH_INVALID: { status: 401, title: 'Unauthorized', description: 'The refresh token is invalid, expired or revoked' },
  AUTH_REFRESH_REUSED: {
    status: 401,
    title: 'Unauthorized',
    description: 'A spent refresh token was presented again; its family is revoked',
  },
  AUTH_REGISTRATION_DISABLED: { status: 403, title: 'Forbidden', description: 'Self-registration is disabled for the tenant' },
  AUTH_RESET_TOKEN_INVALID: { status: 400, title: 'Bad request', description: 'The password-reset token is invalid, used or expired' },
  AUTH_ROLE_BUILT_IN: { status: 409, title: 'Conflict', description: 'Built-in roles cannot be changed or deleted' },
  AUTH_ROLE_NOT_FOUND: { status: 404, title: 'Not found', description: 'No such tenant role' },
  AUTH_ROLE_NOT_GRANTABLE: { status: 403, title: 'Forbidden', description: 'Only a platform administrator can grant super_admin' },
  AUTH_SESSION_REQUIRED: {
    status: 403,
    title: 'Forbidden',
    description: 'Personal access tokens are created from a signed-in session, not with another access token',
  },
  AUTH_SIGNING_KEY_INVALID: { status: 500, title: 'Internal server error', description: 'A stored signing key is not usable (a defect)' },
  AUTH_TENANT_REQUIRED: {
    status: 500,
    title: 'Internal server error',
    description: 'Auth data was read outside a tenant transaction (a defect)',
  },
  AUTH_TOKEN_EXPIRED: { status: 401, title: 'Unauthorized', description: 'The access token has expired' },
  AUTH_TOKEN_INVALID: { status: 401, title: 'Unauthorized', description: 'The access token is invalid or belongs to another tenant' },
  AUTH_TOKEN_REVOKED: {
    status: 401,
    title: 'Unauthorized',
    description: 'The access token was revoked (account disabled, password changed or reset, or the personal access token revoked)',
  },
  AUTH_USER_DISABLED: { status: 403, title: 'Forbidden', description: 'The account is disabled' },
  AUTH_USER_NOT_FOUND: { status: 404, title: 'Not found', description: 'No such user in the tenant' },
  AUTH_USER_PROTECTED: {
    status: 403,
    title: 'Forbidden',
    description: "Only a platform administrator can reset a platform administrator's password",
  },
  AUTH_VERIFICATION_INVALID: {
    status: 400,
    title: 'Bad request',
    description: 'The e-mail verification token is invalid, used or expired',
  },
});

/** One entry of auth's list of codes: a stable code, its HTTP status and what it means. */
export interface ErrorCatalogEntry {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

/**
 * Every coded error the auth module answers with: its own catalogue and the kernel's AUTH_REQUIRED and AUTH_FORBIDDEN,
 * each with what it means. A test keeps it in step with the sources.
 */
export const AUTH_ERRORS: readonly ErrorCatalogEntry[] = [
  ...authErrors.entries,
  ...kernelErrors.entries.filter((e) => e.code === 'AUTH_REQUIRED' || e.code === 'AUTH_FORBIDDEN'),
].map((e) => ({ code: e.code, status: e.status, title: e.description || e.title }));
