import { inTenant } from '@rustok/api';
import { validationError } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import type { EntryStatus, FlexEntry } from '../schemas.js';
import { setEntryStatus, toFlexEntry } from '../store/entries.js';
import { entryForWrite, publishEntryEvent, valueErrors } from './entry-checks.js';

const changeStatus = (ctx: FlexContext, id: string, status: EntryStatus): Promise<FlexEntry> => {
  requirePermission(ctx, 'flex.entries.publish');
  return inTenant(ctx, async (w) => {
    const { row, schema } = await entryForWrite(w.tx, id);
    if (row.status === status) return toFlexEntry(row, schema.slug);
    if (status === 'published') {
      const errors = valueErrors(schema, row.values);
      if (errors.length > 0) throw validationError(errors, `The values do not satisfy version ${schema.version} of "${schema.slug}"`);
    }
    const version = status === 'published' ? schema.version : row.schema_version;
    const updated = await setEntryStatus(w.tx, row.id, status, version);
    await publishEntryEvent(w, status === 'published' ? FLEX_EVENT.entryPublished : FLEX_EVENT.entryUnpublished, updated, schema);
    return toFlexEntry(updated, schema.slug);
  });
};

/** POST /flex/entries/:id/publish: only values that satisfy the schema's current version are published (422 otherwise). */
export const publishEntry = (ctx: FlexContext, id: string): Promise<FlexEntry> => changeStatus(ctx, id, 'published');

/** POST /flex/entries/:id/unpublish: back to draft (the public no longer sees it). */
export const unpublishEntry = (ctx: FlexContext, id: string): Promise<FlexEntry> => changeStatus(ctx, id, 'draft');
