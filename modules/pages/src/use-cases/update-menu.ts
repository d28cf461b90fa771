import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';

import { type PagesContext, requirePermission } from '../context.js';
import { assertMenuItems } from '../menu-links.js';

import { type Menu, UpdateMenuInput } from '../menu-schemas.js';

import { assertHandleFree, insertItems, publishMenuEvent, readMenu } from '../menu-store.js';

/** PATCH /menus/{id}: handle, name and, when given, the whole item tree (replaced). */
export const updateMenu = (ctx: PagesContext, id: string, raw: UpdateMenuInput): Promise<Menu> => {
  requirePermission(ctx, 'pages.menus.manage');
  const input = parseInput(UpdateMenuInput, raw) as UpdateMenuInput;
  return inTenant(ctx, async (w) => {
    const before = await readMenu(w, id, true);
    if (input.handle !== undefined) await assertHandleFree(w, input.handle, id);
    if (input.items !== undefined) await assertMenuItems(w, input.items);
    await w.tx.query('UPDATE pages_menus SET handle = COALESCE($2, handle), name = COALESCE($3, name), updated_at = now() WHERE id = $1', [
      id,
      input.handle ?? null,
      input.name ?? null,
    ]);
    if (input.items !== undefined) {
      await w.tx.query('DELETE FROM pages_menu_items WHERE menu_id = $1', [id]);
      await insertItems(w, id, input.items);
    }
    await publishMenuEvent(w, { id, handle: input.handle ?? before.handle }, 'updated');
    return readMenu(w, id);
  });
};
