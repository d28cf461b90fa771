import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** Where a menu item leads: a page, a URL, or any content node (exactly the target its type names). */
export interface MenuLink {
  readonly type: 'page' | 'url' | 'node';
  readonly pageId?: string;
  readonly url?: string;
  readonly nodeId?: string;
}

export interface MenuItemInput {
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLink;
  readonly children?: readonly MenuItemInput[];
}

export interface MenuItem {
  readonly id: string;
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLink;
  readonly children: readonly MenuItem[];
}

export interface MenuSummary {
  readonly id: string;
  readonly handle: string;
  readonly name: string;
}

export interface Menu extends MenuSummary {
  readonly items: readonly MenuItem[];
}

/** The server's limits: three levels, 200 items in all, 100 under one parent. */
export const MENU_LIMITS = { depth: 3, items: 200, siblings: 100 } as const;

export const menusQuery = queryOptions({ queryKey: ['menus', 'list'], queryFn: () => api<{ items: MenuSummary[] }>('/menus') });

export const menuQuery = (id: string) => queryOptions({ queryKey: ['menus', 'menu', id], queryFn: () => api<Menu>(`/menus/${id}`) });

export const createMenu = (input: { handle: string; name: string }) => api<Menu>('/menus', { method: 'POST', body: input });

/** Changes the name and handle, and replaces the whole item tree. */
export const updateMenu = ({ id, ...input }: { id: string; handle: string; name: string; items: readonly MenuItemInput[] }) =>
  api<Menu>(`/menus/${id}`, { method: 'PATCH', body: input });
