import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type FlexContext, requirePermission } from '../context.js';
import { flexErrors } from '../errors.js';
import { PageQuery, type SchemaList } from '../schemas.js';
import { toFlexSchema } from '../store/schema-read.js';
import { selectSchemaPage } from '../store/schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /flex/schemas: one page of the tenant's schemas, oldest first; the cursor is the last id of the previous page. */
export const listSchemas = (ctx: FlexContext, raw: PageQuery = {}): Promise<SchemaList> => {
  requirePermission(ctx, 'flex.entries.read');
  const query = parseInput(PageQuery, raw) as PageQuery;
  if (query.cursor !== undefined && !UUID.test(query.cursor))
    throw flexErrors.FLEX_CURSOR_INVALID('The cursor is not one this list gave', {
      errors: [{ path: '/cursor', message: 'is not a cursor' }],
    });
  return inTenant(ctx, async (w) => {
    const { rows, more } = await selectSchemaPage(w.tx, query.limit ?? 20, query.cursor);
    const items = rows.map(toFlexSchema);
    return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
  });
};
