import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { flexErrors } from '../errors.js';
import { PageQuery, type SchemaValidation } from '../schemas.js';
import { isUuid } from '../store/entries.js';
import { loadSchema, schemaNotFound, validationStatusOf } from '../store/schema-read.js';
import { holderOf, invalidEntries } from '../store/validation.js';

/** A cursor is the last id of a page, opaque to the client (base64url). */
const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

const decodeCursor = (cursor: string): string => {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id) || encodeCursor(id) !== cursor)
    throw flexErrors.FLEX_CURSOR_INVALID('The cursor is not one this list handed out', {
      errors: [{ path: '/cursor', message: 'is not a cursor of this list' }],
    });
  return id;
};

/**
 * GET /flex/schemas/:slug/validation: where the schema's entries stand against its current version (in
 * progress while the background revalidation runs, then valid or invalid) and one page of the failing ones
 * (for an attached schema: the entities whose fieldsets fail, entryId being the entity's id).
 */
export const schemaValidation = (ctx: FlexContext, slug: string, raw: PageQuery = {}): Promise<SchemaValidation> => {
  requirePermission(ctx, 'flex.schemas.manage');
  const query = parseInput(PageQuery, raw) as PageQuery;
  const afterId = query.cursor === undefined ? null : decodeCursor(query.cursor);
  return inTenant(ctx, async (w) => {
    const row = await loadSchema(w.tx, slug);
    if (!row) throw schemaNotFound(slug);
    const page = await invalidEntries(w.tx, holderOf(row.target), row.id, afterId, query.limit ?? 20);
    const last = page.rows.at(-1);
    return {
      ...validationStatusOf(row),
      version: row.version,
      entries: page.rows.map((r) => ({ entryId: r.id, errors: r.errors })),
      nextCursor: page.more && last ? encodeCursor(last.id) : null,
    };
  });
};
