import { CATEGORY_COLUMNS, type CategoryRow, toCategory } from '../category-store.js';

import { type ContentContext, inTenant } from '../context.js';
import type { ContentCategory } from '../schemas.js';

/** GET /content/categories: the whole tree, flat, parents before children. */
export const listCategories = (ctx: ContentContext): Promise<ContentCategory[]> =>
  inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM content_categories ORDER BY depth, position, slug`);
    return rows.map(toCategory);
  });
