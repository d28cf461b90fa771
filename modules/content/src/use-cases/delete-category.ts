import { loadCategory } from '../category-store.js';

import { type ContentContext, inTenant, requirePermission } from '../context.js';

/** DELETE /content/categories/{id}: children move up to its parent, nodes lose the category. */
export const deleteCategory = (ctx: ContentContext, id: string): Promise<void> =>
  inTenant(ctx, async (w) => {
    const row = await loadCategory(w.tx, id);
    requirePermission(w.actor, 'content.categories.manage');
    await w.tx.query(
      `WITH RECURSIVE down AS (SELECT id FROM content_categories WHERE parent_id = $1
         UNION ALL SELECT c.id FROM content_categories c JOIN down ON c.parent_id = down.id)
       UPDATE content_categories SET depth = depth - 1 WHERE id IN (SELECT id FROM down)`,
      [id],
    );
    await w.tx.query('UPDATE content_categories SET parent_id = $2 WHERE parent_id = $1', [id, row.parent_id]);
    await w.tx.query('UPDATE content_nodes SET category_id = NULL WHERE category_id = $1', [id]);
    await w.tx.query('DELETE FROM content_categories WHERE id = $1', [id]);
    await w.publish('content.category.deleted', { categoryId: id, slug: row.slug, parentId: row.parent_id });
  });
