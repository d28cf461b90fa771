import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';
import { entryKeysSql } from './migrations-keys.js';
import { valuesSql } from './migrations-values.js';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * Flex's tables: each has `tenant_id` (filled in from the transaction's tenant) and forced
 * row-level security, so a row is seen and written only inside a transaction of its tenant.
 * - flex_schemas: a tenant's schema as it is now (its newest version, fields and compiled JSON Schema);
 * - flex_schema_versions: every version's fields, kept for the entries written against it;
 * - flex_entries: standalone entries of `entry` schemas, values as JSONB (strictly validated on write).
 */
const tables = `
CREATE TABLE flex_schemas (
  id uuid PRIMARY KEY,
  ${TENANT},
  slug text NOT NULL CHECK (slug ~ '^[a-z][a-z0-9_-]{0,63}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  target text NOT NULL CHECK (target IN ('entry', 'product', 'content_node', 'user')),
  target_kind text CHECK (target_kind ~ '^[a-z][a-z0-9_]{0,31}$'),
  version integer NOT NULL CHECK (version >= 1),
  fields jsonb NOT NULL,
  json_schema jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, slug)
);
CREATE INDEX flex_schemas_list ON flex_schemas (tenant_id, id);
${tenantRlsSql('flex_schemas')}
CREATE TABLE flex_schema_versions (
  ${TENANT},
  schema_id uuid NOT NULL REFERENCES flex_schemas (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  fields jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schema_id, version)
);
CREATE INDEX flex_schema_versions_recent ON flex_schema_versions (tenant_id, created_at);
${tenantRlsSql('flex_schema_versions')}
CREATE TABLE flex_entries (
  id uuid PRIMARY KEY,
  ${TENANT},
  schema_id uuid NOT NULL REFERENCES flex_schemas (id) ON DELETE CASCADE,
  schema_version integer NOT NULL CHECK (schema_version >= 1),
  slug text CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 200),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  "values" jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (tenant_id, schema_id, slug)
);
CREATE INDEX flex_entries_list ON flex_entries (tenant_id, schema_id, id DESC);
${tenantRlsSql('flex_entries')}
CREATE TABLE flex_schema_changes (
  ${TENANT},
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flex_schema_changes_recent ON flex_schema_changes (tenant_id, at);
${tenantRlsSql('flex_schema_changes')}`;

/**
 * Schema evolution: each entry records the version its values were last checked against and what failed
 * (null: nothing); each schema, the state of its revalidation after a new version and how many entries fail.
 */
const validation = `
ALTER TABLE flex_entries ADD COLUMN validated_version integer CHECK (validated_version >= 1),
  ADD COLUMN validation_errors jsonb CHECK (jsonb_typeof(validation_errors) = 'array');
CREATE INDEX flex_entries_invalid ON flex_entries (tenant_id, schema_id, id) WHERE validation_errors IS NOT NULL;
ALTER TABLE flex_schemas
  ADD COLUMN validation_state text NOT NULL DEFAULT 'valid' CHECK (validation_state IN ('valid', 'in_progress', 'invalid')),
  ADD COLUMN invalid_count integer NOT NULL DEFAULT 0 CHECK (invalid_count >= 0),
  ADD COLUMN validated_version integer CHECK (validated_version >= 1);`;

/** Attached fieldsets are revalidated as entries are (flex_values came after 002). */
const valuesValidation = `
ALTER TABLE flex_values ADD COLUMN validated_version integer CHECK (validated_version >= 1),
  ADD COLUMN validation_errors jsonb CHECK (jsonb_typeof(validation_errors) = 'array');
CREATE INDEX flex_values_invalid ON flex_values (tenant_id, schema_id, entity_id) WHERE validation_errors IS NOT NULL;`;

export const flexMigrations: readonly Migration[] = [
  { name: 'm20261204_flex_001_schemas_entries', up: tables },
  { name: 'm20261204_flex_002_validation', up: validation },
  { name: 'm20261204_flex_003_values', up: valuesSql },
  { name: 'm20261204_flex_004_entry_keys', up: entryKeysSql },
  { name: 'm20261204_flex_005_values_validation', up: valuesValidation },
];
