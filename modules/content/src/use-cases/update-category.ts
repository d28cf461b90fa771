import { parseInput } from '@rustok/kernel';

import { CATEGORY_COLUMNS, type CategoryRow, depthUnder, freeCategorySlug, loadCategory, toCategory } from '../category-store.js';

import { type ContentContext, inTenant, requirePermission } from '../context.js';
import { CategoryPatch, type ContentCategory } from '../schemas.js';

/** PATCH /content/categories/{id}: rename, re-slug, move (not under itself) or reorder. */
export const updateCategory = (ctx: ContentContext, id: string, raw: CategoryPatch): Promise<ContentCategory> =>
  inTenant(ctx, async (w) => {
    const before = await loadCategory(w.tx, id);
    requirePermission(w.actor, 'content.categories.manage');
    const input = parseInput(CategoryPatch, raw);
    const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
    const depth = input.parentId === undefined ? before.depth : await depthUnder(w.tx, parentId, id);
    const slug = input.slug === undefined ? before.slug : await freeCategorySlug(w.tx, input.slug, true, id);
    const { rows } = await w.tx.query<CategoryRow>(
      `UPDATE content_categories SET parent_id = $2, name = $3, slug = $4, depth = $5, position = $6, updated_at = now()
        WHERE id = $1 RETURNING ${CATEGORY_COLUMNS}`,
      [id, parentId, input.name?.trim() ?? before.name, slug, depth, input.position ?? before.position],
    );
    if (depth !== before.depth) {
      // Descendants move with their category.
      await w.tx.query(
        `WITH RECURSIVE down AS (SELECT id FROM content_categories WHERE parent_id = $1
           UNION ALL SELECT c.id FROM content_categories c JOIN down ON c.parent_id = down.id)
         UPDATE content_categories SET depth = depth + $2 WHERE id IN (SELECT id FROM down)`,
        [id, depth - before.depth],
      );
    }
    const row = rows[0] as CategoryRow;
    await w.publish('content.category.updated', { categoryId: id, slug: row.slug, parentId: row.parent_id });
    return toCategory(row);
  });
