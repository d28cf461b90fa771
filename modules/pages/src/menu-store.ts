import type { ContentTx } from '@rustok/content/kit';
import { generateId } from '@rustok/kernel';
import { menuHandleNotFound, menuNotFound } from './context.js';
import { pagesErrors } from './errors.js';
import { MENU_UPDATED } from './events.js';
import type { Menu, MenuItem, MenuItemInput, MenuLink } from './menu-schemas.js';

type ItemRow = {
  id: string;
  parent_id: string | null;
  label: Record<string, string>;
  link: MenuLink;
};

/** Writes the item tree below `parentId` (items were checked by assertMenuItems). */
export const insertItems = async (w: ContentTx, menuId: string, items: readonly MenuItemInput[], parentId: string | null = null) => {
  for (const [position, item] of items.entries()) {
    const id = generateId();
    await w.tx.query('INSERT INTO pages_menu_items (id, menu_id, parent_id, position, label, link) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      menuId,
      parentId,
      position,
      JSON.stringify(item.label),
      JSON.stringify(item.link),
    ]);
    await insertItems(w, menuId, item.children ?? [], id);
  }
};

const tree = (rows: readonly ItemRow[], parentId: string | null): MenuItem[] =>
  rows.filter((r) => r.parent_id === parentId).map((r) => ({ id: r.id, label: r.label, link: r.link, children: tree(rows, r.id) }));

/** The menu with its item tree, or 404 (another tenant's menu is simply not there). */
export const readMenu = async (w: ContentTx, id: string, forUpdate = false): Promise<Menu> => {
  const { rows } = await w.tx.query<{ id: string; handle: string; name: string }>(
    `SELECT id, handle, name FROM pages_menus WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const menu = rows[0];
  if (!menu) throw menuNotFound(id);
  const items = await w.tx.query<ItemRow>('SELECT id, parent_id, label, link FROM pages_menu_items WHERE menu_id = $1 ORDER BY position', [
    id,
  ]);
  return { ...menu, items: tree(items.rows, null) };
};

/** The menu with this handle, with its item tree, or 404. */
export const readMenuByHandle = async (w: ContentTx, handle: string): Promise<Menu> => {
  const { rows } = await w.tx.query<{ id: string }>('SELECT id FROM pages_menus WHERE handle = $1', [handle]);
  const menu = rows[0];
  if (!menu) throw menuHandleNotFound(handle);
  return readMenu(w, menu.id);
};

/** 409 when another menu of the tenant has the handle. */
export const assertHandleFree = async (w: ContentTx, handle: string, exceptId?: string): Promise<void> => {
  const { rows } = await w.tx.query('SELECT 1 FROM pages_menus WHERE handle = $1 AND id IS DISTINCT FROM $2', [handle, exceptId ?? null]);
  if (rows.length > 0) throw pagesErrors.PAGES_MENU_HANDLE_TAKEN(`A menu with the handle "${handle}" exists`);
};

export const publishMenuEvent = (w: ContentTx, menu: { id: string; handle: string }, action: 'created' | 'updated' | 'deleted') =>
  w.publish(MENU_UPDATED, { menuId: menu.id, handle: menu.handle, action });
