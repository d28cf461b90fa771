import { tenantRlsSql } from '@rustok/db';
import type { Migration, SqlRunner } from '@rustok/kernel';
import { mergeModuleLocales } from './tenant-locales.js';

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
  {
    // Locales were per module (content, commerce); they are the tenant's now, shared by every module.
    name: 'm20261202_tenancy_002_tenant_locales',
    up: (db) => moveModuleLocales(db),
  },
];

type Settings = Record<string, unknown>;

/** Per tenant (tenant_modules has forced row-level security): the modules' locales into the tenant's settings. */
export async function moveModuleLocales(db: SqlRunner): Promise<void> {
  const { rows: tenants } = await db.query<{ id: string; settings: Settings }>('SELECT id, settings FROM tenants ORDER BY id');
  for (const tenant of tenants) {
    await db.query("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
    const { rows } = await db.query<{ module: string; settings: Settings }>(
      "SELECT module, settings FROM tenant_modules WHERE module IN ('content', 'commerce')",
    );
    const of = (slug: string) => rows.find((r) => r.module === slug)?.settings ?? {};
    const merged = mergeModuleLocales(tenant.settings ?? {}, [of('content'), of('commerce')]);
    if (merged) await db.query('UPDATE tenants SET settings = settings || $2::jsonb WHERE id = $1', [tenant.id, JSON.stringify(merged)]);
    await db.query(
      "UPDATE tenant_modules SET settings = settings - 'defaultLocale' - 'supportedLocales' WHERE module IN ('content', 'commerce')",
    );
  }
  await db.query("SELECT set_config('app.tenant_id', '', true)");
}
