/** One entry of the error catalogue: a stable code, its HTTP status and what it means. */
export interface ErrorCatalogEntry {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

/**
 * Every coded error the auth module answers with (problem+json `code`, GraphQL `extensions.code`),
 * for the public error catalogue. A test keeps it in step with the sources.
 */
export const AUTH_ERRORS: readonly ErrorCatalogEntry[] = [
  { code: 'AUTH_REQUIRED', status: 401, title: 'A valid access token is needed' },
  { code: 'AUTH_TOKEN_INVALID', status: 401, title: 'The access token is invalid or belongs to another tenant' },
  { code: 'AUTH_TOKEN_EXPIRED', status: 401, title: 'The access token has expired' },
  { code: 'AUTH_TOKEN_REVOKED', status: 401, title: 'The access token was revoked (account disabled, password changed or reset)' },
  { code: 'AUTH_INVALID_CREDENTIALS', status: 401, title: 'Wrong e-mail address or password (the detail names the tenant tried)' },
  { code: 'AUTH_REFRESH_INVALID', status: 401, title: 'The refresh token is invalid, expired or revoked' },
  { code: 'AUTH_REFRESH_REUSED', status: 401, title: 'A spent refresh token was presented again; its family is revoked' },
  { code: 'AUTH_RESET_TOKEN_INVALID', status: 400, title: 'The password-reset token is invalid, used or expired' },
  { code: 'AUTH_VERIFICATION_INVALID', status: 400, title: 'The e-mail verification token is invalid, used or expired' },
  { code: 'AUTH_CURRENT_PASSWORD_WRONG', status: 422, title: 'The current password given for a password change is wrong' },
  { code: 'AUTH_EMAIL_TAKEN', status: 409, title: 'An account with this e-mail address exists in the tenant' },
  { code: 'AUTH_EMAIL_NOT_VERIFIED', status: 403, title: 'The account must verify its e-mail address before logging in' },
  { code: 'AUTH_USER_DISABLED', status: 403, title: 'The account is disabled' },
  { code: 'AUTH_REGISTRATION_DISABLED', status: 403, title: 'Self-registration is disabled for the tenant' },
  { code: 'AUTH_ROLE_NOT_GRANTABLE', status: 403, title: 'Only a platform administrator can grant super_admin' },
  { code: 'AUTH_USER_PROTECTED', status: 403, title: "Only a platform administrator can reset a platform administrator's password" },
  { code: 'AUTH_IMPERSONATION_NOT_ALLOWED', status: 403, title: 'Not available with a tenant-switch token' },
  { code: 'AUTH_USER_NOT_FOUND', status: 404, title: 'No such user in the tenant' },
  { code: 'AUTH_ROLE_NOT_FOUND', status: 404, title: 'No such tenant role' },
  { code: 'AUTH_ROLE_BUILT_IN', status: 409, title: 'Built-in roles cannot be changed or deleted' },
  { code: 'AUTH_ACCOUNT_LOCKED', status: 429, title: 'Too many failed logins: the account is locked for a while' },
  { code: 'AUTH_RATE_LIMITED', status: 429, title: 'Too many login attempts from this address' },
  { code: 'AUTH_AUDIT_UNAVAILABLE', status: 503, title: 'A tenant switch cannot be audited (no event bus)' },
  { code: 'AUTH_TENANT_REQUIRED', status: 500, title: 'Auth data was read outside a tenant transaction (a defect)' },
  { code: 'AUTH_NO_SIGNING_KEY', status: 500, title: 'No signing key could be created (a defect)' },
  { code: 'AUTH_SIGNING_KEY_INVALID', status: 500, title: 'A stored signing key is not usable (a defect)' },
];
