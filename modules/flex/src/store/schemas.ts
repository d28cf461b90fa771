import type { Tx } from '@rustok/db';
import type { FieldDefinition, SchemaTarget } from '../schemas.js';
import { SCHEMA_COLUMNS, type SchemaRow } from './schema-read.js';

/**
 * The SQL that writes flex_schemas and flex_schema_versions (reads by slug or id are in schema-read.ts).
 * Every statement runs in a tenant transaction: row-level security keeps it in the tenant.
 */

/** A schema's compiled state: its fields and the JSON Schema they compile to. */
export interface CompiledFields {
  readonly fields: readonly FieldDefinition[];
  readonly jsonSchema: object;
}

export interface NewSchema extends CompiledFields {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
  readonly target: SchemaTarget;
  readonly targetKind: string | null;
}

export const countSchemas = async (tx: Tx): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM flex_schemas');
  return rows[0]?.n ?? 0;
};

/** Version 1 of a new schema: its row and its first flex_schema_versions row. */
export const insertSchema = async (tx: Tx, schema: NewSchema): Promise<SchemaRow> => {
  const { rows } = await tx.query<SchemaRow>(
    `INSERT INTO flex_schemas (id, slug, name, description, target, target_kind, version, fields, json_schema)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING ${SCHEMA_COLUMNS}`,
    [
      schema.id,
      schema.slug,
      schema.name,
      schema.description,
      schema.target,
      schema.targetKind,
      JSON.stringify(schema.fields),
      JSON.stringify(schema.jsonSchema),
    ],
  );
  await insertVersion(tx, schema.id, 1, schema.fields);
  return rows[0] as SchemaRow;
};

const insertVersion = async (tx: Tx, schemaId: string, version: number, fields: readonly FieldDefinition[]): Promise<void> => {
  await tx.query('INSERT INTO flex_schema_versions (schema_id, version, fields) VALUES ($1, $2, $3)', [
    schemaId,
    version,
    JSON.stringify(fields),
  ]);
};

/** A new name or description, in place (the version stays). */
export const renameSchema = async (tx: Tx, id: string, name: string, description: string | null): Promise<SchemaRow> => {
  const { rows } = await tx.query<SchemaRow>(
    `UPDATE flex_schemas SET name = $2, description = $3, updated_at = now() WHERE id = $1 RETURNING ${SCHEMA_COLUMNS}`,
    [id, name, description],
  );
  return rows[0] as SchemaRow;
};

/** New fields: the next version, on the schema's row and as a flex_schema_versions row. */
export const addSchemaVersion = async (tx: Tx, row: SchemaRow, compiled: CompiledFields): Promise<SchemaRow> => {
  const version = row.version + 1;
  const { rows } = await tx.query<SchemaRow>(
    `UPDATE flex_schemas SET version = $2, fields = $3, json_schema = $4, updated_at = now()
     WHERE id = $1 RETURNING ${SCHEMA_COLUMNS}`,
    [row.id, version, JSON.stringify(compiled.fields), JSON.stringify(compiled.jsonSchema)],
  );
  await insertVersion(tx, row.id, version, compiled.fields);
  return rows[0] as SchemaRow;
};

/** Deletes a schema; its versions and entries go with it (foreign keys cascade). */
export const deleteSchemaRow = async (tx: Tx, id: string): Promise<void> => {
  await tx.query('DELETE FROM flex_schemas WHERE id = $1', [id]);
};

/** Oldest first (ids sort by creation time); `cursor` is the last id of the previous page. */
export const selectSchemaPage = async (tx: Tx, limit: number, cursor?: string): Promise<{ rows: SchemaRow[]; more: boolean }> => {
  const where = cursor === undefined ? '' : 'WHERE id > $2';
  const params = cursor === undefined ? [limit + 1] : [limit + 1, cursor];
  const { rows } = await tx.query<SchemaRow>(`SELECT ${SCHEMA_COLUMNS} FROM flex_schemas ${where} ORDER BY id LIMIT $1`, params);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
};

/** Every schema of the tenant, by slug (export and import). */
export const selectAllSchemas = async (tx: Tx): Promise<SchemaRow[]> => {
  const { rows } = await tx.query<SchemaRow>(`SELECT ${SCHEMA_COLUMNS} FROM flex_schemas ORDER BY slug COLLATE "C"`);
  return rows;
};
