import { generateId, parseInput } from '@rustok/kernel';

import { CATEGORY_COLUMNS, type CategoryRow, depthUnder, freeCategorySlug, toCategory } from '../category-store.js';

import { type ContentContext, inTenant, requirePermission } from '../context.js';
import { CategoryInput, type ContentCategory } from '../schemas.js';

import { slugFromTitle } from '../slug.js';

/** POST /content/categories. */
export const createCategory = (ctx: ContentContext, raw: CategoryInput): Promise<ContentCategory> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, 'content.categories.manage');
    const input = parseInput(CategoryInput, raw);
    const depth = await depthUnder(w.tx, input.parentId);
    const slug = await freeCategorySlug(w.tx, input.slug ?? slugFromTitle(input.name, 'category'), input.slug !== undefined);
    const { rows } = await w.tx.query<CategoryRow>(
      `INSERT INTO content_categories (id, parent_id, name, slug, depth, position) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${CATEGORY_COLUMNS}`,
      [generateId(), input.parentId ?? null, input.name.trim(), slug, depth, input.position ?? 0],
    );
    const row = rows[0] as CategoryRow;
    await w.publish('content.category.created', { categoryId: row.id, slug: row.slug, parentId: row.parent_id });
    return toCategory(row);
  });
