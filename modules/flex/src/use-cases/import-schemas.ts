import { inTenant, type ModuleTx } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { flexErrors } from '../errors.js';
import { FLEX_EVENT } from '../events.js';
import { type ImportResult, SchemaExport, type SchemaTarget } from '../schemas.js';
import { lockSchemaChanges } from '../store/schema-changes.js';
import type { SchemaRow } from '../store/schema-read.js';
import { type CompiledFields, insertSchema, selectAllSchemas } from '../store/schemas.js';
import {
  assertAttachable,
  assertRoomForSchemas,
  compileFields,
  noneIfEmpty,
  resolveTarget,
  schemaEventPayload,
  takeSchemaChange,
} from './schema-rules.js';
import { applySchemaChange, changesNothing, newFieldsOf, type SchemaChange } from './update-schema.js';

type Imported = SchemaExport['schemas'][number] & {
  readonly at: string;
  readonly target: SchemaTarget;
  readonly targetKind: string | null;
};

interface Plan {
  readonly create: { readonly schema: Imported; readonly compiled: CompiledFields }[];
  readonly update: { readonly row: SchemaRow; readonly change: SchemaChange }[];
  readonly unchanged: string[];
}

const invalid = (path: string, message: string) =>
  flexErrors.FLEX_SCHEMA_INVALID(`The import document is invalid at ${path}: ${message}`, { errors: [{ path, message }] });

/** The document's schemas with their targets checked, each slug once. */
const importedOf = (document: SchemaExport): Imported[] => {
  const seen = new Set<string>();
  return document.schemas.map((schema, i) => {
    const at = `/schemas/${i}`;
    if (seen.has(schema.slug)) throw invalid(`${at}/slug`, `"${schema.slug}" is in the document twice`);
    seen.add(schema.slug);
    return { ...schema, at, ...resolveTarget(schema.target, schema.targetKind, at) };
  });
};

/** What to do with each schema: create the missing ones, update the different ones, leave the others. */
const planOf = (ctx: FlexContext, imported: readonly Imported[], existing: readonly SchemaRow[]): Plan => {
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const plan: Plan = { create: [], update: [], unchanged: [] };
  for (const schema of imported) {
    const row = bySlug.get(schema.slug);
    if (!row) {
      assertAttachable(schema.target, schema.fields, schema.at);
      plan.create.push({ schema, compiled: compileFields(schema.fields, ctx.options, schema.at) });
      continue;
    }
    if (row.target !== schema.target || row.target_kind !== schema.targetKind)
      throw invalid(`${schema.at}/target`, `schema "${schema.slug}" has the target ${row.target}; a target does not change`);
    const compiled = newFieldsOf(row, schema.fields, ctx.options, schema.at);
    const change: SchemaChange = {
      name: schema.name,
      description: noneIfEmpty(schema.description),
      ...(compiled ? { compiled, mappings: schema.mappings, at: schema.at } : {}),
    };
    if (changesNothing(row, change)) plan.unchanged.push(schema.slug);
    else plan.update.push({ row, change });
  }
  return plan;
};

/** Writes the plan and publishes one event per created or updated schema, in the caller's transaction. */
const applyPlan = async (ctx: FlexContext, w: ModuleTx, plan: Plan): Promise<void> => {
  const events: { type: string; payload: unknown }[] = [];
  for (const { schema, compiled } of plan.create) {
    const { slug, name, description, target, targetKind } = schema;
    const row = await insertSchema(w.tx, {
      id: generateId(),
      slug,
      name,
      description: noneIfEmpty(description),
      target,
      targetKind,
      ...compiled,
    });
    events.push({ type: FLEX_EVENT.schemaCreated, payload: schemaEventPayload(row) });
  }
  for (const { row, change } of plan.update) {
    const after = await applySchemaChange(w, ctx.options, row, change, false);
    events.push({ type: FLEX_EVENT.schemaUpdated, payload: schemaEventPayload(after) });
  }
  await w.publishAll(events);
};

/**
 * POST /flex/import: a SchemaExport document into the tenant, all or nothing: missing schemas are created,
 * different ones updated (new fields: a new version), identical ones left as they are, so that the same
 * document twice changes nothing the second time. The same guardrails as one by one; the whole import is
 * one schema change for the rate limit (none when it changes nothing).
 */
export const importSchemas = (ctx: FlexContext, raw: SchemaExport): Promise<ImportResult> => {
  requirePermission(ctx, 'flex.schemas.manage');
  const imported = importedOf(parseInput(SchemaExport, raw) as SchemaExport);
  return inTenant(ctx, async (w) => {
    await lockSchemaChanges(w.tx, w.tenantId);
    const plan = planOf(ctx, imported, await selectAllSchemas(w.tx));
    if (plan.create.length > 0 || plan.update.length > 0) {
      await takeSchemaChange(w, ctx.options);
      await assertRoomForSchemas(w, ctx.options, plan.create.length);
      await applyPlan(ctx, w, plan);
    }
    return { created: plan.create.map((c) => c.schema.slug), updated: plan.update.map((u) => u.row.slug), unchanged: plan.unchanged };
  });
};
