import type { Tx } from '@rustok/db';
import type { FieldDefinition, FieldType, SchemaTarget } from '../schemas.js';

/** One public field of an attached schema, as read models (the storefront's index) need it. */
export interface FlexFieldOf {
  readonly schema: string;
  readonly key: string;
  readonly type: FieldType;
  readonly list: boolean;
  readonly localized: boolean;
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly searchable: boolean;
}

const toFieldOf = (schema: string, field: FieldDefinition): FlexFieldOf => ({
  schema,
  key: field.key,
  type: field.type,
  list: field.list === true,
  localized: field.localized === true,
  filterable: field.filterable === true,
  sortable: field.sortable === true,
  searchable: field.searchable === true,
});

/**
 * The public top-level fields of the transaction's tenant's schemas with this target (row-level
 * security scopes the read), schema by schema in slug order, fields in their order. Admin fields
 * are never listed: only what the storefront may show can be filtered, sorted or searched on.
 */
export const flexFieldsOf = async (tx: Tx, target: SchemaTarget): Promise<FlexFieldOf[]> => {
  const { rows } = await tx.query<{ slug: string; fields: FieldDefinition[] }>(
    'SELECT slug, fields FROM flex_schemas WHERE target = $1 ORDER BY slug',
    [target],
  );
  return rows.flatMap((row) => row.fields.filter((f) => f.access === 'public').map((f) => toFieldOf(row.slug, f)));
};
