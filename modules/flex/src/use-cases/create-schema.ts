import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { flexErrors } from '../errors.js';
import { FLEX_EVENT } from '../events.js';
import { CreateSchemaInput, type FlexSchema } from '../schemas.js';
import { loadSchema, toFlexSchema } from '../store/schema-read.js';
import { insertSchema } from '../store/schemas.js';
import {
  assertAttachable,
  assertRoomForSchemas,
  compileFields,
  noneIfEmpty,
  resolveTarget,
  schemaEventPayload,
  takeSchemaChange,
} from './schema-rules.js';

export const slugTaken = (slug: string) => flexErrors.FLEX_SCHEMA_SLUG_TAKEN(`There is a schema "${slug}" already`);

/**
 * POST /flex/schemas: a schema at run time (version 1). The target and the fields go through the
 * guardrails before anything is written; the row, its first version, the change and
 * `flex.schema.created` commit together.
 */
export const createSchema = (ctx: FlexContext, raw: CreateSchemaInput): Promise<FlexSchema> => {
  requirePermission(ctx, 'flex.schemas.manage');
  const input = parseInput(CreateSchemaInput, raw) as CreateSchemaInput;
  const { target, targetKind } = resolveTarget(input.target, input.targetKind);
  const compiled = compileFields(input.fields, ctx.options);
  assertAttachable(target, input.fields);
  return inTenant(ctx, async (w) => {
    await takeSchemaChange(w, ctx.options);
    await assertRoomForSchemas(w, ctx.options, 1);
    if (await loadSchema(w.tx, input.slug)) throw slugTaken(input.slug);
    const row = await insertSchema(w.tx, {
      id: generateId(),
      slug: input.slug,
      name: input.name,
      description: noneIfEmpty(input.description),
      target,
      targetKind,
      ...compiled,
    });
    await w.publish(FLEX_EVENT.schemaCreated, schemaEventPayload(row));
    return toFlexSchema(row);
  });
};
