import { createContext, useContext } from 'react';
import type { PageNode } from '../api/pages.js';
import type { DraftItem, DropPlace, TreeMove, TreePath } from './menu-tree-ops.js';

/** What every item of the tree editor reaches: the edits, drag and drop, the tenant's locales and pages. */
export interface MenuTreeActions {
  readonly locales: readonly string[];
  readonly pages: readonly PageNode[];
  readonly change: (path: TreePath, next: DraftItem) => void;
  readonly move: (path: TreePath, move: TreeMove) => void;
  readonly remove: (path: TreePath) => void;
  readonly dragFrom: (path: TreePath) => void;
  readonly dropOn: (path: TreePath, place: DropPlace) => void;
}

export const MenuTreeContext = createContext<MenuTreeActions | null>(null);

export const useMenuTree = (): MenuTreeActions => {
  const actions = useContext(MenuTreeContext);
  if (!actions) throw new Error('a menu item outside its tree editor');
  return actions;
};
