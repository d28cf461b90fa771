import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

/**
 * flex_values: the values of an attached fieldset (a schema whose target is product, content_node or
 * user) of one entity of another module, one row per (schema, entity), so an entity has as many
 * fieldsets as schemas attach to it. The entity is not a foreign key (it lives in another module's
 * table, maybe not built in): flex removes its rows on that module's deleted event. Deleting the
 * schema cascades. Forced row-level security, as every flex table.
 */
export const valuesSql = `
CREATE TABLE flex_values (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  schema_id uuid NOT NULL REFERENCES flex_schemas (id) ON DELETE CASCADE,
  target text NOT NULL CHECK (target IN ('product', 'content_node', 'user')),
  entity_id uuid NOT NULL,
  schema_version integer NOT NULL CHECK (schema_version >= 1),
  "values" jsonb NOT NULL CHECK (jsonb_typeof("values") = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schema_id, entity_id)
);
CREATE INDEX flex_values_entity ON flex_values (tenant_id, target, entity_id);
${tenantRlsSql('flex_values')}`;
