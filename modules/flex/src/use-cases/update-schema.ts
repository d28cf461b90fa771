import { inTenant, type ModuleTx } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import type { FlexOptions } from '../options.js';
import { type FlexSchema, type SchemaMappings, UpdateSchemaInput } from '../schemas.js';
import { syncEntryKeys } from '../store/entry-keys.js';
import { lockSchemaChanges } from '../store/schema-changes.js';
import { loadSchema, type SchemaRow, schemaNotFound, toFlexSchema } from '../store/schema-read.js';
import { addSchemaVersion, type CompiledFields, renameSchema } from '../store/schemas.js';
import { evolveStoredValues } from './schema-mappings.js';
import { assertAttachable, compileFields, noneIfEmpty, sameFields, schemaEventPayload, takeSchemaChange } from './schema-rules.js';

/** What an update asks of a schema: a name, a description, compiled fields (each only when it changes something). */
export interface SchemaChange {
  readonly name?: string;
  readonly description?: string | null;
  readonly compiled?: CompiledFields;
  /** What becomes of stored values the new fields remove or retype, and where the input names them. */
  readonly mappings?: SchemaMappings | undefined;
  readonly at?: string;
}

/** True when the change leaves the schema as it is. */
export const changesNothing = (row: SchemaRow, change: SchemaChange): boolean =>
  (change.name === undefined || change.name === row.name) &&
  (change.description === undefined || change.description === row.description) &&
  change.compiled === undefined;

/**
 * Applies a change in the transaction: name and description in place, new fields as the next version
 * (a schema change for the rate limit when `countChange`). Returns the row as it is after.
 */
export const applySchemaChange = async (w: ModuleTx, options: FlexOptions, row: SchemaRow, change: SchemaChange, countChange = true) => {
  let after = row;
  if (change.compiled) {
    if (countChange) await takeSchemaChange(w, options);
    await evolveStoredValues(w, row, { ...change.compiled, mappings: change.mappings, at: change.at });
    after = await addSchemaVersion(w.tx, after, change.compiled);
    await syncEntryKeys(w.tx, after);
  }
  const name = change.name ?? after.name;
  const description = change.description === undefined ? after.description : change.description;
  if (name !== after.name || description !== after.description) after = await renameSchema(w.tx, after.id, name, description);
  return after;
};

/** The fields, compiled, when they differ from the schema's current ones (no new version for the same fields). */
export const newFieldsOf = (row: SchemaRow, fields: UpdateSchemaInput['fields'], options: FlexOptions, at = '') => {
  if (fields === undefined || sameFields(row.fields, fields)) return undefined;
  assertAttachable(row.target, fields, at);
  return compileFields(fields, options, at);
};

/**
 * PATCH /flex/schemas/:slug: name and description change in place; different fields make the next version
 * (compiled, a row of flex_schema_versions). Any change publishes `flex.schema.updated`; the same
 * input again changes nothing and publishes nothing. Entries keep the version they were written against.
 */
export const updateSchema = (ctx: FlexContext, slug: string, raw: UpdateSchemaInput): Promise<FlexSchema> => {
  requirePermission(ctx, 'flex.schemas.manage');
  const input = parseInput(UpdateSchemaInput, raw) as UpdateSchemaInput;
  return inTenant(ctx, async (w) => {
    await lockSchemaChanges(w.tx, w.tenantId);
    const row = await loadSchema(w.tx, slug, true);
    if (!row) throw schemaNotFound(slug);
    const compiled = newFieldsOf(row, input.fields, ctx.options);
    const change: SchemaChange = {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: noneIfEmpty(input.description) }),
      ...(compiled ? { compiled, mappings: input.mappings } : {}),
    };
    if (changesNothing(row, change)) return toFlexSchema(row);
    const after = await applySchemaChange(w, ctx.options, row, change);
    await w.publish(FLEX_EVENT.schemaUpdated, schemaEventPayload(after));
    return toFlexSchema(after);
  });
};
