import { inTenant } from '@rustok/api';
import type { FlexContext } from '../context.js';
import type { FlexEntry } from '../schemas.js';
import { entryNotFound, loadEntry } from '../store/entries.js';
import { loadSchemaById } from '../store/schema-read.js';
import { readsEverything, shownEntry } from './entry-checks.js';

/**
 * GET /flex/entries/:id (public): with flex.entries.read any entry with every value; otherwise a
 * published entry with its public fields only (a draft is not found).
 */
export const getEntry = (ctx: FlexContext, id: string): Promise<FlexEntry> =>
  inTenant(ctx, async (w) => {
    const row = await loadEntry(w.tx, id);
    if (!row || (row.status !== 'published' && !readsEverything(ctx))) throw entryNotFound(id);
    const schema = await loadSchemaById(w.tx, row.schema_id);
    if (!schema) throw entryNotFound(id);
    return shownEntry(ctx, row, schema);
  });
