import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';

import { type PagesContext, requirePermission } from '../context.js';
import { assertMenuItems } from '../menu-links.js';

import { CreateMenuInput, type Menu } from '../menu-schemas.js';

import { assertHandleFree, insertItems, publishMenuEvent, readMenu } from '../menu-store.js';

/** POST /menus: a menu with its (nested) items; page links must name pages of the tenant. */
export const createMenu = (ctx: PagesContext, raw: CreateMenuInput): Promise<Menu> => {
  requirePermission(ctx, 'pages.menus.manage');
  const input = parseInput(CreateMenuInput, raw) as CreateMenuInput;
  return inTenant(ctx, async (w) => {
    await assertHandleFree(w, input.handle);
    await assertMenuItems(w, input.items ?? []);
    const id = generateId();
    await w.tx.query('INSERT INTO pages_menus (id, handle, name) VALUES ($1, $2, $3)', [id, input.handle, input.name]);
    await insertItems(w, id, input.items ?? []);
    await publishMenuEvent(w, { id, handle: input.handle }, 'created');
    return readMenu(w, id);
  });
};
