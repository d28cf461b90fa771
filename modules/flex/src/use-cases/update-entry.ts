import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import { type FlexEntry, UpdateEntryInput } from '../schemas.js';
import { toFlexEntry, updateEntryRow } from '../store/entries.js';
import { syncEntryKeys } from '../store/entry-keys.js';
import { assertSlugFree, checkedValues, entryForWrite, publishEntryEvent } from './entry-checks.js';

/**
 * PATCH /flex/entries/:id: a new slug (null clears it) and/or new values, which replace the old ones
 * after the checks of a new entry against the schema's current version (the entry moves to it).
 */
export const updateEntry = (ctx: FlexContext, id: string, raw: UpdateEntryInput): Promise<FlexEntry> => {
  requirePermission(ctx, 'flex.entries.update');
  const input = parseInput(UpdateEntryInput, raw) as UpdateEntryInput;
  return inTenant(ctx, async (w) => {
    const { row, schema } = await entryForWrite(w.tx, id);
    const values = input.values === undefined ? undefined : await checkedValues(ctx, w.tx, schema, input.values, row.id);
    if (input.slug) await assertSlugFree(w.tx, schema, input.slug, row.id);
    const updated = await updateEntryRow(w.tx, row.id, {
      ...(input.slug === undefined ? {} : { slug: input.slug }),
      ...(values === undefined ? {} : { values, schemaVersion: schema.version }),
    });
    if (values !== undefined) await syncEntryKeys(w.tx, schema, [row.id]);
    await publishEntryEvent(w, FLEX_EVENT.entryUpdated, updated, schema);
    return toFlexEntry(updated, schema.slug);
  });
};
