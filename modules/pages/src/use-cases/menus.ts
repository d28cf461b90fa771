import { inTenant } from '@rustok/api';
import { type PagesContext, requirePermission } from '../context.js';
import type { Menu } from '../menu-schemas.js';

import { publishMenuEvent, readMenu, readMenuByHandle } from '../menu-store.js';

/** GET /menus: the tenant's menus by handle (public: menus are navigation). */
export const listMenus = (ctx: PagesContext): Promise<{ items: { id: string; handle: string; name: string }[] }> =>
  inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<{ id: string; handle: string; name: string }>(
      'SELECT id, handle, name FROM pages_menus ORDER BY handle',
    );
    return { items: rows };
  });

/** GET /menus/{id}: one menu with its item tree (public). */
export const getMenu = (ctx: PagesContext, id: string): Promise<Menu> => inTenant(ctx, (w) => readMenu(w, id));

/** GET /menus/by-handle/{handle}: one menu with its item tree (public; storefronts know menus by handle). */
export const getMenuByHandle = (ctx: PagesContext, handle: string): Promise<Menu> => inTenant(ctx, (w) => readMenuByHandle(w, handle));

/** DELETE /menus/{id}: the menu and its items. */
export const deleteMenu = (ctx: PagesContext, id: string): Promise<void> => {
  requirePermission(ctx, 'pages.menus.manage');
  return inTenant(ctx, async (w) => {
    const menu = await readMenu(w, id, true);
    await w.tx.query('DELETE FROM pages_menus WHERE id = $1', [id]);
    await publishMenuEvent(w, menu, 'deleted');
  });
};
