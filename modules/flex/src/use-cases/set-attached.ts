import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { prepareValues, publicValues } from '../compile/index.js';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT, type FlexValuesEventPayload } from '../events.js';
import { type FlexAttachedValues, SetAttachedInput } from '../schemas-attached.js';
import { toAttachedValues, upsertValues } from '../store/values.js';
import { attachedTargetOf, requireAttachedSchema, requireEntityOf } from './attached-checks.js';
import { assertReferences, assertSize, assertValid } from './entry-checks.js';

/**
 * PUT /flex/attached/:target/:entityId/:schema: sets an entity's fieldset of one schema, checked as
 * entries are (size, every failing field, references) against the schema's current version; the
 * entity must be the tenant's (of the schema's node kind, if it names one). The row and
 * `flex.values.updated` with the public values commit together.
 */
export const setAttached = (
  ctx: FlexContext,
  params: { target: string; entityId: string; schema: string },
  raw: SetAttachedInput,
): Promise<FlexAttachedValues> => {
  requirePermission(ctx, 'flex.entries.update');
  const target = attachedTargetOf(params.target);
  const input = parseInput(SetAttachedInput, raw) as SetAttachedInput;
  return inTenant(ctx, async (w) => {
    const schema = await requireAttachedSchema(w.tx, params.schema, target);
    await requireEntityOf(w.tx, schema, target, params.entityId);
    assertSize(ctx, input.values);
    assertValid(schema, input.values);
    await assertReferences(w.tx, schema.fields, input.values);
    const values = prepareValues(schema.fields, input.values);
    const row = await upsertValues(w.tx, {
      schemaId: schema.id,
      target,
      entityId: params.entityId.toLowerCase(),
      schemaVersion: schema.version,
      values,
    });
    const payload: FlexValuesEventPayload = {
      target,
      entityId: row.entity_id,
      schemaId: schema.id,
      schema: schema.slug,
      schemaVersion: row.schema_version,
      publicValues: publicValues(schema.fields, row.values),
    };
    await w.publish(FLEX_EVENT.valuesUpdated, payload);
    return toAttachedValues(row, schema.slug);
  });
};
