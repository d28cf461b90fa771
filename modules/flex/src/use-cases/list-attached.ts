import { inTenant } from '@rustok/api';
import { publicValues } from '../compile/index.js';
import { type FlexContext, requirePermission } from '../context.js';
import type { AttachedList } from '../schemas-attached.js';
import { selectEntityValues, toAttachedValues } from '../store/values.js';
import { attachedTargetOf, entityNotFound, requireEntity } from './attached-checks.js';
import { readsEverything } from './entry-checks.js';

/**
 * GET /flex/attached/:target/:entityId (public): with flex.entries.read every fieldset of the entity
 * with every value. Otherwise the public fields of a published product or content node only (the
 * fieldsets with none left out); a user's values are never shown to the public.
 */
export const listAttached = (ctx: FlexContext, params: { target: string; entityId: string }): Promise<AttachedList> => {
  const target = attachedTargetOf(params.target);
  const everything = readsEverything(ctx);
  if (target === 'user') requirePermission(ctx, 'flex.entries.read');
  return inTenant(ctx, async (w) => {
    const entity = await requireEntity(w.tx, target, params.entityId);
    if (!everything && !entity.published) throw entityNotFound(target, params.entityId);
    const rows = await selectEntityValues(w.tx, target, params.entityId.toLowerCase());
    if (everything) return { items: rows.map((row) => toAttachedValues(row, row.slug)) };
    const items = rows
      .map((row) => toAttachedValues(row, row.slug, publicValues(row.fields, row.values)))
      .filter((item) => Object.keys(item.values).length > 0);
    return { items };
  });
};
