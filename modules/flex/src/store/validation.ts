import type { FieldError, SqlRunner } from '@rustok/kernel';
import type { SchemaTarget, ValidationState } from '../schemas.js';
import { SCHEMA_COLUMNS, type SchemaRow } from './schema-read.js';

/**
 * The SQL of schema evolution: stored values moved by a new version's mappings (one set-based UPDATE),
 * the revalidation state of a schema, and each entry's validation columns (validated_version,
 * validation_errors: null when the values satisfy that version). Runs in tenant transactions (RLS).
 */

/**
 * Where a schema's values are stored: its standalone entries (flex_entries, by id) or, for a schema attached to
 * products, content nodes or users, the entities' fieldsets (flex_values, by entity_id). Both have `values`,
 * validated_version and validation_errors; `id` is what the API calls entryId (the entity's id for a fieldset).
 */
export interface Holder {
  readonly table: 'flex_entries' | 'flex_values';
  readonly id: 'id' | 'entity_id';
}

export const holderOf = (target: SchemaTarget): Holder =>
  target === 'entry' ? { table: 'flex_entries', id: 'id' } : { table: 'flex_values', id: 'entity_id' };

/** What the mappings of a version do to stored values: keys to remove, and values to move (old key → new key). */
export interface ValueMoves {
  readonly drop: readonly string[];
  readonly renames: readonly { readonly from: string; readonly to: string }[];
}

/** A row whose values the mappings moved: its id (entity_id for a fieldset) and its values after. */
export type MovedRow = { readonly id: string; readonly values: Record<string, unknown> };

/**
 * Drops the mapped keys from every entry (or fieldset) of the schema that has one and puts renamed values under
 * their new key, in one statement (jsonb `-` and `||`); rows without any of the keys are not touched. Gives the
 * moved rows with their new values when `returning` (to tell read models), none otherwise.
 */
export const applyMoves = async (tx: SqlRunner, h: Holder, schemaId: string, moves: ValueMoves, returning = false): Promise<MovedRow[]> => {
  if (moves.drop.length === 0) return [];
  const { rows } = await tx.query<MovedRow>(
    `UPDATE ${h.table} e SET "values" = (e."values" - $2::text[]) || COALESCE(
       (SELECT jsonb_object_agg(m.to_key, e."values" -> m.from_key)
          FROM unnest($3::text[], $4::text[]) AS m(from_key, to_key)
         WHERE e."values" ? m.from_key), '{}'::jsonb), updated_at = now()
     WHERE e.schema_id = $1 AND e."values" ?| $2::text[]${returning ? ` RETURNING e.${h.id} AS id, e."values"` : ''}`,
    [schemaId, moves.drop, moves.renames.map((r) => r.from), moves.renames.map((r) => r.to)],
  );
  return returning ? rows : [];
};

/** Those of `keys` that some entry of the schema has a value for (one probe per key, stopping at the first entry). */
export const keysWithValues = async (tx: SqlRunner, h: Holder, schemaId: string, keys: readonly string[]): Promise<Set<string>> => {
  if (keys.length === 0) return new Set();
  const { rows } = await tx.query<{ key: string }>(
    `SELECT k.key FROM unnest($2::text[]) AS k(key)
     WHERE EXISTS (SELECT 1 FROM ${h.table} e WHERE e.schema_id = $1 AND e."values" ? k.key)`,
    [schemaId, keys],
  );
  return new Set(rows.map((r) => r.key));
};

/** A new version is out: the schema's entries are to be checked against it (in the background). */
export const markRevalidating = async (tx: SqlRunner, schemaId: string): Promise<void> => {
  await tx.query("UPDATE flex_schemas SET validation_state = 'in_progress' WHERE id = $1", [schemaId]);
};

/** The schema by id, as it is now (for the background work, which has no slug). */
export const schemaById = async (tx: SqlRunner, id: string, forUpdate = false): Promise<SchemaRow | undefined> => {
  const { rows } = await tx.query<SchemaRow>(`SELECT ${SCHEMA_COLUMNS} FROM flex_schemas WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0];
};

export type StoredValues = {
  readonly id: string;
  readonly values: Record<string, unknown>;
};

/** The next `limit` entries of the schema after `afterId` (oldest first); `lock`: held until the transaction ends. */
export const entryValuesAfter = async (
  tx: SqlRunner,
  h: Holder,
  schemaId: string,
  afterId: string | null,
  limit: number,
  lock = false,
): Promise<StoredValues[]> => {
  const { rows } = await tx.query<StoredValues>(
    `SELECT ${h.id} AS id, "values" FROM ${h.table} WHERE schema_id = $1 AND ($2::uuid IS NULL OR ${h.id} > $2::uuid)
     ORDER BY ${h.id} LIMIT $3${lock ? ' FOR UPDATE' : ''}`,
    [schemaId, afterId, limit],
  );
  return rows;
};

/** Each entry's result against `version` (errors: none means valid), in one statement. */
export const writeValidations = async (
  tx: SqlRunner,
  h: Holder,
  schemaId: string,
  version: number,
  results: readonly { readonly id: string; readonly errors: readonly FieldError[] }[],
): Promise<void> => {
  if (results.length === 0) return;
  const rows = results.map((r) => (r.errors.length === 0 ? { id: r.id } : { id: r.id, errors: r.errors }));
  await tx.query(
    `UPDATE ${h.table} e SET validated_version = $1, validation_errors = x.errors
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, errors jsonb) WHERE e.schema_id = $3 AND e.${h.id} = x.id`,
    [version, JSON.stringify(rows), schemaId],
  );
};

/** How many entries of the schema fail the version they were last checked against. */
export const countInvalid = async (tx: SqlRunner, h: Holder, schemaId: string): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${h.table} WHERE schema_id = $1 AND validation_errors IS NOT NULL`,
    [schemaId],
  );
  return rows[0]?.n ?? 0;
};

/** The revalidation of `version` is done: its state and count, unless a newer version came meanwhile. */
export const finishRevalidation = async (tx: SqlRunner, schemaId: string, version: number, invalid: number): Promise<void> => {
  const state: ValidationState = invalid > 0 ? 'invalid' : 'valid';
  await tx.query(
    'UPDATE flex_schemas SET validation_state = $3, invalid_count = $4, validated_version = $2 WHERE id = $1 AND version = $2',
    [schemaId, version, state, invalid],
  );
};

/** One page of the schema's failing entries, oldest first; one more row tells whether there is a next page. */
export const invalidEntries = async (
  tx: SqlRunner,
  h: Holder,
  schemaId: string,
  afterId: string | null,
  limit: number,
): Promise<{ rows: { id: string; errors: FieldError[] }[]; more: boolean }> => {
  const { rows } = await tx.query<{ id: string; errors: FieldError[] }>(
    `SELECT ${h.id} AS id, validation_errors AS errors FROM ${h.table}
     WHERE schema_id = $1 AND validation_errors IS NOT NULL AND ($2::uuid IS NULL OR ${h.id} > $2::uuid)
     ORDER BY ${h.id} LIMIT $3`,
    [schemaId, afterId, limit + 1],
  );
  return { rows: rows.slice(0, limit), more: rows.length > limit };
};
