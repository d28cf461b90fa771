import { tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

/**
 * Users, their roles, refresh tokens, e-mail verifications and password resets are tenant-owned
 * (row-level security); signing keys are the platform's. `users.token_version` is the generation of
 * the user's access tokens: raising it revokes every one issued before. `auth_token_state` reads what
 * every authenticated request checks in one statement: it sets the tenant for that statement only and
 * runs as its caller (row-level security applies).
 */
export const authMigrations: readonly Migration[] = [
  {
    name: 'm20261122_auth_001_identity',
    up: `
CREATE TABLE users (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (length(email) <= 254),
  password_hash text NOT NULL,
  name text CHECK (length(name) <= 200),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  email_verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);
CREATE TABLE tenant_roles (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{1,63}$'),
  description text,
  permissions text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);
CREATE TABLE user_roles (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_tenant ON user_roles (tenant_id, role);
CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE TABLE email_verifications (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE TABLE sys_signing_keys (
  kid text PRIMARY KEY,
  algorithm text NOT NULL,
  private_jwk jsonb NOT NULL,
  public_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  active_from timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
${tenantRlsSql('users')}
${tenantRlsSql('tenant_roles')}
${tenantRlsSql('user_roles')}
${tenantRlsSql('refresh_tokens')}
${tenantRlsSql('email_verifications')}`,
  },
  {
    name: 'm20261202_auth_002_accounts',
    up: `
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
ALTER TABLE email_verifications ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX email_verifications_user ON email_verifications (user_id);
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);
${tenantRlsSql('password_resets')}`,
  },
  {
    name: 'm20261203_auth_003_token_state',
    up: `
CREATE FUNCTION auth_token_state(tenant uuid, holder uuid, session uuid)
  RETURNS TABLE (status text, token_version integer, session_revoked boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := current_setting('app.tenant_id', true);
BEGIN
  PERFORM set_config('app.tenant_id', tenant::text, true);
  RETURN QUERY SELECT u.status::text, u.token_version,
         (session IS NOT NULL AND EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = session AND r.revoked_at IS NOT NULL))
    FROM users u WHERE u.id = holder;
  PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
END
$$;`,
  },
  {
    name: 'm20261205_auth_004_access_tokens',
    up: `
CREATE TABLE auth_access_tokens (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  permissions text[] NOT NULL,
  mcp_mode text NOT NULL CHECK (mcp_mode IN ('direct', 'catalog')),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_access_tokens_user ON auth_access_tokens (tenant_id, user_id, id);
${tenantRlsSql('auth_access_tokens')}`,
  },
];
