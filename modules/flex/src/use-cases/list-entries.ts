import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import type { FlexContext } from '../context.js';
import { flexErrors } from '../errors.js';
import { type EntryList, ListEntriesQuery } from '../schemas.js';
import { isUuid, selectEntries } from '../store/entries.js';
import { readsEverything, requireEntrySchema, shownEntry } from './entry-checks.js';
import { entryFilters } from './entry-filters.js';

/** A cursor is the last id of a page, opaque to the client (base64url). */
const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

const decodeCursor = (cursor: string): string => {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id) || encodeCursor(id) !== cursor) {
    throw flexErrors.FLEX_CURSOR_INVALID('The cursor is not one this list handed out', {
      errors: [{ path: '/cursor', message: 'is not a cursor of this list' }],
    });
  }
  return id;
};

/**
 * GET /flex/schemas/:slug/entries (public): one page, newest first. With flex.entries.read every status
 * (or the one asked) and every value; otherwise published entries with their public fields only.
 * `where.<key>=<value>` keeps the entries whose filterable field has that value (flex_entry_keys).
 */
export const listEntries = (ctx: FlexContext, schemaSlug: string, raw: ListEntriesQuery = {}): Promise<EntryList> => {
  const query = parseInput(ListEntriesQuery, raw) as ListEntriesQuery;
  const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const status = readsEverything(ctx) ? query.status : 'published';
  return inTenant(
    ctx,
    async (w) => {
      const schema = await requireEntrySchema(w.tx, schemaSlug);
      const filters = entryFilters(raw, schema, !readsEverything(ctx));
      const page = await selectEntries(w.tx, schema.id, {
        limit: query.limit ?? 20,
        filters,
        ...(afterId === undefined ? {} : { afterId }),
        ...(status === undefined ? {} : { status }),
      });
      const last = page.rows.at(-1);
      return {
        items: page.rows.map((row) => shownEntry(ctx, row, schema)),
        nextCursor: page.more && last ? encodeCursor(last.id) : null,
      };
    },
    { reads: true },
  );
};
