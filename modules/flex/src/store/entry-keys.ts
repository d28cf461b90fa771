import type { Tx } from '@rustok/db';
import type { FieldDefinition, FieldType } from '../schemas.js';

/**
 * flex_entry_keys: the values of an entry's filterable and sortable fields, one row per value (a
 * list gives one per item), beside the entry. Filtering a schema's entries on such a field is an
 * index range scan of (tenant, schema, key, value, entry) instead of a pass over every entry's
 * JSON; one table with two indexes serves every tenant's fields, so no index is made at run time
 * (see docs/adr/0010-flex-field-indexes.md). Rows follow the entry's values on every write and the
 * schema's flags on every new version.
 */

const NUMERIC: readonly FieldType[] = ['integer', 'decimal', 'money'];
const INDEXED: readonly FieldType[] = ['text', 'enum', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime', 'reference'];

/** A field whose values are kept in flex_entry_keys. */
export interface IndexedField {
  readonly key: string;
  readonly numeric: boolean;
  readonly list: boolean;
  /** Money: the amount (minor units) is the value. */
  readonly money: boolean;
  readonly access: 'public' | 'admin';
}

/** Top-level filterable or sortable fields of an indexable type, not localized. */
export const indexedFieldsOf = (fields: readonly FieldDefinition[]): IndexedField[] =>
  fields
    .filter((f) => (f.filterable === true || f.sortable === true) && INDEXED.includes(f.type) && f.localized !== true)
    .map((f) => ({
      key: f.key,
      numeric: NUMERIC.includes(f.type),
      list: f.list === true,
      money: f.type === 'money',
      access: f.access ?? 'admin',
    }));

/**
 * Rewrites the key rows of a schema's entries (all of them, or those named) from their stored values,
 * set-based in one statement pair. Values an older version left in another shape (a scalar where a
 * list is now, text where a number is) are kept as text or skipped, never an error.
 */
export const syncEntryKeys = async (
  tx: Tx,
  schema: { readonly id: string; readonly fields: readonly FieldDefinition[] },
  entryIds?: readonly string[],
): Promise<void> => {
  const fields = indexedFieldsOf(schema.fields);
  // An entry of a schema that flags nothing has no rows: a new version that dropped the flags removed them all.
  if (fields.length === 0 && entryIds !== undefined) return;
  const ids = entryIds === undefined ? null : [...entryIds];
  await tx.query('DELETE FROM flex_entry_keys WHERE schema_id = $1 AND ($2::uuid[] IS NULL OR entry_id = ANY($2::uuid[]))', [
    schema.id,
    ids,
  ]);
  if (fields.length === 0) return;
  await tx.query(
    `INSERT INTO flex_entry_keys (schema_id, entry_id, key, text_value, num_value)
     SELECT e.schema_id, e.id, f.key, v.t, CASE WHEN f.numeric AND v.t ~ '^-?[0-9]{1,30}([.][0-9]{1,30})?$' THEN v.t::numeric END
       FROM flex_entries e
       CROSS JOIN jsonb_to_recordset($3::jsonb) AS f(key text, numeric boolean, list boolean, money boolean)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN f.money THEN x -> 'amount' ELSE x END #>> '{}' AS t
           FROM jsonb_array_elements(CASE
                  WHEN NOT f.list THEN jsonb_build_array(e."values" -> f.key)
                  WHEN jsonb_typeof(e."values" -> f.key) = 'array' THEN e."values" -> f.key
                  ELSE '[]'::jsonb END) x
       ) v
      WHERE e.schema_id = $1 AND ($2::uuid[] IS NULL OR e.id = ANY($2::uuid[]))
        AND e."values" ? f.key
        AND v.t IS NOT NULL`,
    [schema.id, ids, JSON.stringify(fields)],
  );
};

/** One equality filter on an indexed field: its value as text, or as a number for numeric fields. */
export interface KeyFilter {
  readonly key: string;
  readonly value: string;
  readonly numeric: boolean;
}

/**
 * The condition of a filtered page, `id IN (…)` per filter over flex_entry_keys, with its parameters
 * numbered from `first` (the statement's $1 must be the schema's id).
 */
export const keyConditions = (filters: readonly KeyFilter[], first: number): { sql: string; params: unknown[] } => {
  const params: unknown[] = [];
  const parts = filters.map((f) => {
    params.push(f.key, f.value);
    const k = first + params.length - 2;
    const column = f.numeric ? `num_value = $${k + 1}::numeric` : `text_value = $${k + 1}`;
    // The schema as the statement's own $1 (not a reference to the outer row): the subquery is then
    // planned once, as a range of the key index, instead of once per entry.
    return ` AND id IN (SELECT entry_id FROM flex_entry_keys WHERE schema_id = $1 AND key = $${k} AND ${column})`;
  });
  return { sql: parts.join(''), params };
};
