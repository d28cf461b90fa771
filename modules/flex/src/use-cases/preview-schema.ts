import { createHash } from 'node:crypto';
import { inTenant } from '@rustok/api';
import { type FieldError, parseInput, type SqlRunner } from '@rustok/kernel';
import { validatorFor } from '../compile/index.js';
import { type FlexContext, requirePermission } from '../context.js';
import { PreviewSchemaInput, type SchemaPreview } from '../schemas.js';
import { loadSchema, schemaNotFound } from '../store/schema-read.js';
import { entryValuesAfter, type Holder, holderOf, type ValueMoves } from '../store/validation.js';
import { assertMappingsFit, changesOf, movedValues, movesOf } from './schema-mappings.js';
import { compileFields, sameFields } from './schema-rules.js';

const BATCH = 500;
const SAMPLE = 20;

/** Entries that would fail `validate` once the moves are made: how many, and the first 20 with their errors. */
const invalidAfter = async (tx: SqlRunner, h: Holder, schemaId: string, moves: ValueMoves, validate: (values: unknown) => FieldError[]) => {
  const sample: SchemaPreview['sample'] = [];
  let invalid = 0;
  let afterId: string | null = null;
  for (;;) {
    const batch = await entryValuesAfter(tx, h, schemaId, afterId, BATCH);
    for (const entry of batch) {
      const errors = validate(movedValues(entry.values, moves));
      if (errors.length === 0) continue;
      invalid += 1;
      if (sample.length < SAMPLE) sample.push({ entryId: entry.id, errors });
    }
    afterId = batch.at(-1)?.id ?? null;
    if (batch.length < BATCH || afterId === null) return { invalid, sample };
  }
};

/**
 * POST /flex/schemas/:slug/preview: what the fields (and mappings) would do, written nowhere: the version they
 * would make, each field's change (destructive ones need a mapping), and the existing entries that would fail
 * (for a schema attached to products, nodes or users: the entities' fieldsets, entryId being the entity's id).
 */
export const previewSchema = (ctx: FlexContext, slug: string, raw: PreviewSchemaInput): Promise<SchemaPreview> => {
  requirePermission(ctx, 'flex.schemas.manage');
  const input = parseInput(PreviewSchemaInput, raw) as PreviewSchemaInput;
  const compiled = compileFields(input.fields, ctx.options);
  const mappings = input.mappings ?? {};
  return inTenant(ctx, async (w) => {
    const row = await loadSchema(w.tx, slug);
    if (!row) throw schemaNotFound(slug);
    const same = sameFields(row.fields, input.fields);
    assertMappingsFit(row.fields, input.fields, mappings, '');
    const digest = createHash('sha256').update(JSON.stringify(compiled.jsonSchema)).digest('base64url');
    const validate = validatorFor(`${row.id}:preview:${digest}`, compiled.jsonSchema as Record<string, unknown>);
    const found = await invalidAfter(w.tx, holderOf(row.target), row.id, movesOf(same ? {} : mappings), validate);
    return same
      ? { version: row.version, changes: [], ...found }
      : { version: row.version + 1, changes: changesOf(row.fields, input.fields, mappings), ...found };
  });
};
