import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import { flexErrors } from '../errors.js';
import { deleteValuesRow } from '../store/values.js';
import { attachedTargetOf, publishValuesDeleted, requireAttachedSchema } from './attached-checks.js';

/**
 * DELETE /flex/attached/:target/:entityId/:schema: removes the entity's fieldset of the schema and
 * publishes `flex.values.deleted` with it; 404 when the entity has none of that schema in the tenant.
 */
export const deleteAttached = (ctx: FlexContext, params: { target: string; entityId: string; schema: string }): Promise<void> => {
  requirePermission(ctx, 'flex.entries.delete');
  const target = attachedTargetOf(params.target);
  return inTenant(ctx, async (w) => {
    const schema = await requireAttachedSchema(w.tx, params.schema, target);
    const entityId = params.entityId.toLowerCase();
    if (!(await deleteValuesRow(w.tx, schema.id, entityId)))
      throw flexErrors.FLEX_ENTITY_NOT_FOUND(`The ${target.replace('_', ' ')} ${entityId} has no values of "${schema.slug}"`);
    await publishValuesDeleted(w, [{ target, entityId, schemaId: schema.id, schema: schema.slug }]);
  });
};
