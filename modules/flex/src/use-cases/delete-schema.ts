import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import { lockSchemaChanges } from '../store/schema-changes.js';
import { loadSchema, schemaNotFound } from '../store/schema-read.js';
import { deleteSchemaRow } from '../store/schemas.js';
import { selectSchemaValues } from '../store/values.js';
import { publishValuesDeleted } from './attached-checks.js';
import { schemaEventPayload, takeSchemaChange } from './schema-rules.js';

/**
 * DELETE /flex/schemas/:slug: the schema with its versions, entries and attached values; publishes
 * `flex.schema.deleted`, and `flex.values.deleted` for each entity's fieldset it takes along.
 */
export const deleteSchema = (ctx: FlexContext, slug: string): Promise<void> => {
  requirePermission(ctx, 'flex.schemas.manage');
  return inTenant(ctx, async (w) => {
    await lockSchemaChanges(w.tx, w.tenantId);
    const row = await loadSchema(w.tx, slug, true);
    if (!row) throw schemaNotFound(slug);
    await takeSchemaChange(w, ctx.options);
    const attached = await selectSchemaValues(w.tx, row.id, row.slug);
    await deleteSchemaRow(w.tx, row.id);
    await w.publish(FLEX_EVENT.schemaDeleted, schemaEventPayload(row));
    await publishValuesDeleted(w, attached);
  });
};
