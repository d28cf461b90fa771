import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import { deleteEntryRow } from '../store/entries.js';
import { entryForWrite, publishEntryEvent } from './entry-checks.js';

/** DELETE /flex/entries/:id: the entry goes (404 when it is not the tenant's). */
export const deleteEntry = (ctx: FlexContext, id: string): Promise<void> => {
  requirePermission(ctx, 'flex.entries.delete');
  return inTenant(ctx, async (w) => {
    const { row, schema } = await entryForWrite(w.tx, id);
    await deleteEntryRow(w.tx, row.id);
    await publishEntryEvent(w, FLEX_EVENT.entryDeleted, row, schema);
  });
};
