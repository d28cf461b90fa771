import type { ModuleTx } from '@rustok/api';
import type { Tx } from '@rustok/db';
import { type FieldError, validationError } from '@rustok/kernel';
import { prepareValues, publicValues, referencesOf, uniqueValuesOf, validatorFor } from '../compile/index.js';
import type { FlexContext } from '../context.js';
import { flexErrors } from '../errors.js';
import type { FlexEntryEventPayload } from '../events.js';
import type { FieldDefinition, FlexEntry } from '../schemas.js';
import { type EntryRow, entryNotFound, entrySlugTaken, lockUniqueValues, requireEntry, toFlexEntry, valueTaken } from '../store/entries.js';
import { existingIds } from '../store/references.js';
import { loadSchema, loadSchemaById, type SchemaRow, schemaNotFound } from '../store/schema-read.js';

/**
 * The checks every write of an entry's values goes through, in this order: the schema takes standalone
 * entries, the values are not too large, they satisfy the schema's current version (every failing field
 * listed), the objects they reference exist in the tenant, and their unique values are free.
 */

/** The tenant's schema with this slug, when it is one of standalone entries (404 / 422 otherwise). */
export const requireEntrySchema = async (tx: Tx, slug: string): Promise<SchemaRow> => {
  const schema = await loadSchema(tx, slug);
  if (!schema) throw schemaNotFound(slug);
  if (schema.target !== 'entry') {
    throw flexErrors.FLEX_NOT_ENTRY_SCHEMA(`The schema "${slug}" describes fields of ${schema.target}, not standalone entries`);
  }
  return schema;
};

/** 422 FLEX_ENTRY_TOO_LARGE when the values as JSON text take more than max_entry_bytes. */
export const assertSize = (ctx: FlexContext, values: Record<string, unknown>): void => {
  const bytes = Buffer.byteLength(JSON.stringify(values), 'utf8');
  const max = ctx.options.max_entry_bytes;
  if (bytes > max) throw flexErrors.FLEX_ENTRY_TOO_LARGE(`The values take ${bytes} bytes as JSON; at most ${max} are allowed`);
};

/** The failing fields of the values under the schema's current version (none when they satisfy it). */
export const valueErrors = (schema: SchemaRow, values: Record<string, unknown>): FieldError[] =>
  validatorFor(`${schema.id}:${schema.version}`, schema.json_schema)(values);

/** 422 VALIDATION_FAILED listing every failing field (paths /values/<key>/…). */
export const assertValid = (schema: SchemaRow, values: Record<string, unknown>): void => {
  const errors = valueErrors(schema, values);
  if (errors.length > 0) throw validationError(errors, `The values do not satisfy version ${schema.version} of "${schema.slug}"`);
};

/** 422 FLEX_REFERENCE_NOT_FOUND naming each reference whose object is not in the tenant. */
export const assertReferences = async (tx: Tx, fields: readonly FieldDefinition[], values: Record<string, unknown>): Promise<void> => {
  const refs = referencesOf(fields, values);
  const groups = new Map<string, typeof refs>();
  for (const ref of refs) {
    const group = `${ref.to}:${ref.schema ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), ref]);
  }
  const errors: FieldError[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const found = await existingIds(
      tx,
      first.to,
      group.map((r) => r.id),
      first.schema,
    );
    for (const ref of group) {
      if (found.has(ref.id.toLowerCase())) continue;
      const what = ref.to === 'flex_entry' && ref.schema ? `an entry of "${ref.schema}"` : `a ${ref.to.replace('_', ' ')}`;
      errors.push({ path: ref.path, message: `is not ${what} of this tenant` });
    }
  }
  if (errors.length > 0) throw flexErrors.FLEX_REFERENCE_NOT_FOUND('Some referenced objects do not exist', { errors });
};

/** 409 FLEX_VALUE_NOT_UNIQUE naming each unique field whose value another entry of the schema has. */
export const assertUnique = async (tx: Tx, schema: SchemaRow, values: Record<string, unknown>, exceptId: string | null): Promise<void> => {
  const unique = uniqueValuesOf(schema.fields, values);
  if (unique.length === 0) return;
  await lockUniqueValues(tx, schema.id);
  const errors: FieldError[] = [];
  for (const { key, value } of unique) {
    if (await valueTaken(tx, schema.id, key, value, exceptId))
      errors.push({ path: `/values/${key}`, message: 'another entry has this value' });
  }
  if (errors.length > 0) {
    throw flexErrors.FLEX_VALUE_NOT_UNIQUE(
      `Another entry of "${schema.slug}" has the same ${errors.map((e) => e.path.slice(8)).join(', ')}`,
      {
        errors,
      },
    );
  }
};

/** Every check of new values, in order; the values to store (rich text sanitised). */
export const checkedValues = async (
  ctx: FlexContext,
  tx: Tx,
  schema: SchemaRow,
  values: Record<string, unknown>,
  exceptId: string | null,
): Promise<Record<string, unknown>> => {
  assertSize(ctx, values);
  assertValid(schema, values);
  await assertReferences(tx, schema.fields, values);
  await assertUnique(tx, schema, values, exceptId);
  return prepareValues(schema.fields, values);
};

/** 409 FLEX_ENTRY_SLUG_TAKEN when another entry of the schema has the slug. */
export const assertSlugFree = async (tx: Tx, schema: SchemaRow, slug: string, exceptId: string | null): Promise<void> => {
  if (await entrySlugTaken(tx, schema.id, slug, exceptId)) {
    throw flexErrors.FLEX_ENTRY_SLUG_TAKEN(`Another entry of "${schema.slug}" has the slug "${slug}"`);
  }
};

/** Publishes an entry event in the write's transaction. */
export const publishEntryEvent = (
  w: ModuleTx,
  type: string,
  entry: { readonly id: string; readonly schema_version: number; readonly status: string },
  schema: SchemaRow,
): Promise<void> => {
  const payload: FlexEntryEventPayload = {
    entryId: entry.id,
    schemaId: schema.id,
    schema: schema.slug,
    schemaVersion: entry.schema_version,
    status: entry.status,
  };
  return w.publish(type, payload);
};

/** Whether the actor sees every entry and value (flex.entries.read), or the public: published entries, public fields. */
export const readsEverything = (ctx: FlexContext): boolean => ctx.actor.can('flex.entries.read');

/** The entry as this actor may see it: every value with flex.entries.read, the public fields' values otherwise. */
export const shownEntry = (ctx: FlexContext, row: EntryRow, schema: SchemaRow): FlexEntry =>
  readsEverything(ctx) ? toFlexEntry(row, schema.slug) : toFlexEntry(row, schema.slug, publicValues(schema.fields, row.values));

/** The entry and its schema, for a write (the row locked until the transaction ends); 404 when it is not the tenant's. */
export const entryForWrite = async (tx: Tx, id: string): Promise<{ row: EntryRow; schema: SchemaRow }> => {
  const row = await requireEntry(tx, id, true);
  const schema = await loadSchemaById(tx, row.schema_id);
  if (!schema) throw entryNotFound(id);
  return { row, schema };
};
