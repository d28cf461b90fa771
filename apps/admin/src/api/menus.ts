import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

import type { Menu, MenuItemInput, MenuSummary } from './menu-shapes.js';

export type { Menu, MenuItem, MenuItemInput, MenuLink, MenuSummary } from './menu-shapes.js';

export const menusQuery = queryOptions({ queryKey: ['menus', 'list'], queryFn: () => api<{ items: MenuSummary[] }>('/menus') });

export const menuQuery = (id: string) => queryOptions({ queryKey: ['menus', 'menu', id], queryFn: () => api<Menu>(`/menus/${id}`) });

export const createMenu = (input: { handle: string; name: string }) => api<Menu>('/menus', { method: 'POST', body: input });

/** Changes the name and handle, and replaces the whole item tree. */
export const updateMenu = ({ id, ...input }: { id: string; handle: string; name: string; items: readonly MenuItemInput[] }) =>
  api<Menu>(`/menus/${id}`, { method: 'PATCH', body: input });
