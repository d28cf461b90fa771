import type { Tx } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import type { FieldDefinition } from '../schemas.js';
import type { AttachedTarget, FlexAttachedValues } from '../schemas-attached.js';

/**
 * The SQL of flex_values (attached fieldsets). Every statement runs in a tenant transaction: row-level
 * security keeps it in the tenant, so another tenant's values are simply not there.
 */
export type ValuesRow = {
  readonly schema_id: string;
  readonly target: AttachedTarget;
  readonly entity_id: string;
  readonly schema_version: number;
  readonly values: Record<string, unknown>;
  readonly updated_at: Date | string;
};

/** A fieldset with its schema's slug and current fields (to tell the public ones). */
export type EntityValuesRow = ValuesRow & { readonly slug: string; readonly fields: FieldDefinition[] };

/** One fieldset that is gone: what flex.values.deleted says. */
export interface GoneValues {
  readonly target: AttachedTarget;
  readonly entityId: string;
  readonly schemaId: string;
  readonly schema: string;
}

const COLUMNS = 'schema_id, target, entity_id, schema_version, "values", updated_at';

export const toAttachedValues = (row: ValuesRow, slug: string, values: Record<string, unknown> = row.values): FlexAttachedValues => ({
  schema: slug,
  schemaVersion: row.schema_version,
  values,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export interface NewValues {
  readonly schemaId: string;
  readonly target: AttachedTarget;
  readonly entityId: string;
  readonly schemaVersion: number;
  readonly values: Record<string, unknown>;
}

/** Sets the entity's fieldset of the schema (inserted, or replaced with its version, which its values satisfy). */
export const upsertValues = async (tx: Tx, v: NewValues): Promise<ValuesRow> => {
  const { rows } = await tx.query<ValuesRow>(
    `INSERT INTO flex_values (schema_id, target, entity_id, schema_version, "values", validated_version)
     VALUES ($1, $2, $3, $4, $5, $4)
     ON CONFLICT (schema_id, entity_id) DO UPDATE
       SET schema_version = EXCLUDED.schema_version, "values" = EXCLUDED."values", updated_at = now(),
         validated_version = EXCLUDED.validated_version, validation_errors = NULL
     RETURNING ${COLUMNS}`,
    [v.schemaId, v.target, v.entityId, v.schemaVersion, JSON.stringify(v.values)],
  );
  return rows[0] as ValuesRow;
};

/** Every fieldset of one entity, by schema slug. */
export const selectEntityValues = async (tx: Tx, target: AttachedTarget, entityId: string): Promise<EntityValuesRow[]> => {
  const { rows } = await tx.query<EntityValuesRow>(
    `SELECT v.schema_id, v.target, v.entity_id, v.schema_version, v."values", v.updated_at, s.slug, s.fields
     FROM flex_values v JOIN flex_schemas s ON s.id = v.schema_id
     WHERE v.target = $1 AND v.entity_id = $2
     ORDER BY s.slug`,
    [target, entityId],
  );
  return rows;
};

/** Removes the entity's fieldset of the schema; true when there was one. */
export const deleteValuesRow = async (tx: Tx, schemaId: string, entityId: string): Promise<boolean> => {
  const { rows } = await tx.query('DELETE FROM flex_values WHERE schema_id = $1 AND entity_id = $2 RETURNING 1', [schemaId, entityId]);
  return rows.length > 0;
};

const goneOf = (rows: readonly { target: AttachedTarget; entity_id: string; schema_id: string; slug: string }[]): GoneValues[] =>
  rows.map((r) => ({ target: r.target, entityId: r.entity_id, schemaId: r.schema_id, schema: r.slug }));

/** Removes every fieldset of these entities of the target; what was removed. */
export const deleteEntitiesValues = async (tx: SqlRunner, target: AttachedTarget, entityIds: readonly string[]): Promise<GoneValues[]> => {
  if (entityIds.length === 0) return [];
  const { rows } = await tx.query<{ target: AttachedTarget; entity_id: string; schema_id: string; slug: string }>(
    `WITH gone AS (DELETE FROM flex_values WHERE target = $1 AND entity_id = ANY($2::uuid[]) RETURNING target, entity_id, schema_id)
     SELECT g.target, g.entity_id, g.schema_id, s.slug FROM gone g JOIN flex_schemas s ON s.id = g.schema_id
     ORDER BY g.entity_id, s.slug`,
    [target, entityIds],
  );
  return goneOf(rows);
};

/**
 * Removes the fieldsets of content nodes that no longer exist (a deleted node's subtree goes with it,
 * with one event for its root only). Nothing when content is not built in.
 */
export const deleteOrphanNodeValues = async (tx: SqlRunner): Promise<GoneValues[]> => {
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('content_nodes')::text AS t");
  if (!table[0]?.t) return [];
  const { rows } = await tx.query<{ target: AttachedTarget; entity_id: string; schema_id: string; slug: string }>(
    `WITH gone AS (
       DELETE FROM flex_values v WHERE v.target = 'content_node'
         AND NOT EXISTS (SELECT 1 FROM content_nodes n WHERE n.id = v.entity_id)
       RETURNING v.target, v.entity_id, v.schema_id)
     SELECT g.target, g.entity_id, g.schema_id, s.slug FROM gone g JOIN flex_schemas s ON s.id = g.schema_id
     ORDER BY g.entity_id, s.slug`,
  );
  return goneOf(rows);
};

/** The fieldsets of one schema (read at once, before the schema and they are deleted). */
export const selectSchemaValues = async (tx: Tx, schemaId: string, slug: string): Promise<GoneValues[]> => {
  const { rows } = await tx.query<{ target: AttachedTarget; entity_id: string; schema_id: string }>(
    'SELECT target, entity_id, schema_id FROM flex_values WHERE schema_id = $1 ORDER BY entity_id',
    [schemaId],
  );
  return goneOf(rows.map((r) => ({ ...r, slug })));
};
