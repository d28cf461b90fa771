import type { Tx } from '@rustok/db';
import type { AppError } from '@rustok/kernel';
import { flexErrors } from '../errors.js';
import type { FieldDefinition, FlexSchema, SchemaTarget, ValidationState } from '../schemas.js';

/** A row of flex_schemas: the schema as it is now (its newest version). */
export type SchemaRow = {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
  readonly target: SchemaTarget;
  readonly target_kind: string | null;
  readonly version: number;
  readonly fields: FieldDefinition[];
  readonly json_schema: Record<string, unknown>;
  readonly created_at: Date | string;
  readonly updated_at: Date | string;
  /** 'in_progress' while its entries are being checked against a new version (see store/validation.ts). */
  readonly validation_state: ValidationState;
  /** How many of its entries (attached: fieldsets) fail the version they were last checked against (counted when read). */
  readonly invalid_entries: number;
};

export const SCHEMA_COLUMNS = `id, slug, name, description, target, target_kind, version, fields, json_schema, created_at, updated_at,
  validation_state, CASE WHEN target = 'entry'
    THEN (SELECT count(*)::int FROM flex_entries v WHERE v.schema_id = flex_schemas.id AND v.validation_errors IS NOT NULL)
    ELSE (SELECT count(*)::int FROM flex_values v WHERE v.schema_id = flex_schemas.id AND v.validation_errors IS NOT NULL)
  END AS invalid_entries`;

const iso = (value: Date | string): string => new Date(value).toISOString();

/** In progress while a revalidation runs; otherwise invalid as long as an entry fails (fixing the last one makes it valid). */
export const validationStatusOf = (row: SchemaRow): FlexSchema['validationStatus'] => ({
  state: row.validation_state === 'in_progress' ? 'in_progress' : row.invalid_entries > 0 ? 'invalid' : 'valid',
  invalid: row.invalid_entries,
});

export const toFlexSchema = (row: SchemaRow): FlexSchema => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  target: row.target,
  targetKind: row.target_kind,
  version: row.version,
  fields: row.fields,
  validationStatus: validationStatusOf(row),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const schemaNotFound = (slug: string): AppError => flexErrors.FLEX_SCHEMA_NOT_FOUND(`No schema "${slug.slice(0, 64)}"`);

/** The tenant's schema with this slug (row-level security keeps the lookup in the transaction's tenant). */
export const loadSchema = async (tx: Tx, slug: string, forUpdate = false): Promise<SchemaRow | undefined> => {
  const { rows } = await tx.query<SchemaRow>(
    `SELECT ${SCHEMA_COLUMNS} FROM flex_schemas WHERE slug = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [slug],
  );
  return rows[0];
};

export const loadSchemaById = async (tx: Tx, id: string): Promise<SchemaRow | undefined> => {
  const { rows } = await tx.query<SchemaRow>(`SELECT ${SCHEMA_COLUMNS} FROM flex_schemas WHERE id = $1`, [id]);
  return rows[0];
};
