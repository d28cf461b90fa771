import { tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

/**
 * `tenants` and `tenant_domains` are the platform's registry, read before any tenant is known
 * (resolution), so they carry no row-level security; `tenant_modules` is tenant-owned.
 */
export const tenancyMigrations: readonly Migration[] = [
  {
    name: 'm20261122_tenancy_001_tenants',
    up: `
CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$|^[a-z0-9]$'),
  settings jsonb NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tenant_domains (
  host text PRIMARY KEY CHECK (length(host) <= 253),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_domains_tenant ON tenant_domains (tenant_id);
CREATE TABLE tenant_modules (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  module text NOT NULL,
  enabled boolean NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, module)
);
${tenantRlsSql('tenant_modules')}`,
  },
];
