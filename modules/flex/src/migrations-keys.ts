import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

/**
 * flex_entry_keys (see store/entry-keys.ts): the values of entries' filterable and sortable fields,
 * one row per value, with one index for text values and one for numbers, each ending in the entry id
 * so that a filtered page newest first reads the index in order and stops at its limit.
 */
export const entryKeysSql = `
CREATE TABLE flex_entry_keys (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  schema_id uuid NOT NULL REFERENCES flex_schemas (id) ON DELETE CASCADE,
  entry_id uuid NOT NULL REFERENCES flex_entries (id) ON DELETE CASCADE,
  key text NOT NULL,
  text_value text,
  num_value numeric
);
CREATE INDEX flex_entry_keys_text ON flex_entry_keys (tenant_id, schema_id, key, text_value, entry_id DESC);
CREATE INDEX flex_entry_keys_num ON flex_entry_keys (tenant_id, schema_id, key, num_value, entry_id DESC) WHERE num_value IS NOT NULL;
CREATE INDEX flex_entry_keys_entry ON flex_entry_keys (entry_id);
${tenantRlsSql('flex_entry_keys')}`;
