import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { FLEX_EVENT } from '../events.js';
import { CreateEntryInput, type FlexEntry } from '../schemas.js';
import { insertEntry, toFlexEntry } from '../store/entries.js';
import { syncEntryKeys } from '../store/entry-keys.js';
import { assertSlugFree, checkedValues, publishEntryEvent, requireEntrySchema } from './entry-checks.js';

/**
 * POST /flex/schemas/:slug/entries: an entry of a schema of standalone entries, its values checked
 * against the schema's current version; created published only with flex.entries.publish.
 */
export const createEntry = (ctx: FlexContext, schemaSlug: string, raw: CreateEntryInput): Promise<FlexEntry> => {
  requirePermission(ctx, 'flex.entries.create');
  const input = parseInput(CreateEntryInput, raw) as CreateEntryInput;
  const status = input.status ?? 'draft';
  if (status === 'published') requirePermission(ctx, 'flex.entries.publish');
  return inTenant(ctx, async (w) => {
    const schema = await requireEntrySchema(w.tx, schemaSlug);
    const values = await checkedValues(ctx, w.tx, schema, input.values, null);
    if (input.slug !== undefined) await assertSlugFree(w.tx, schema, input.slug, null);
    const row = await insertEntry(w.tx, {
      id: generateId(),
      schemaId: schema.id,
      schemaVersion: schema.version,
      slug: input.slug ?? null,
      status,
      values,
    });
    await syncEntryKeys(w.tx, schema, [row.id]);
    await publishEntryEvent(w, FLEX_EVENT.entryCreated, row, schema);
    if (status === 'published') await publishEntryEvent(w, FLEX_EVENT.entryPublished, row, schema);
    return toFlexEntry(row, schema.slug);
  });
};
