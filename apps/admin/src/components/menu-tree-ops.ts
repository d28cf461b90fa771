import type { MenuItem, MenuItemInput, MenuLink } from '../api/menu-shapes.js';

/** The pages module's limits on a menu: three levels, 200 items in all, 100 under one parent. */
export const MENU_LIMITS = { depth: 3, items: 200, siblings: 100 } as const;

/** An item being edited: a key of its own (kept while it moves), its labels per locale, its link and children. */
export interface DraftItem {
  readonly key: string;
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLink;
  readonly children: readonly DraftItem[];
}

/** Where an item is: its index at each level from the top. */
export type TreePath = readonly number[];
type Tree = readonly DraftItem[];

/** A change refused by the menu's limits. */
export type TreeLimit = 'depth' | 'siblings' | 'items';
export type TreeChange = { readonly tree: Tree } | { readonly refused: TreeLimit };

let drafted = 0;
export const newItem = (): DraftItem => {
  drafted += 1;
  return { key: `new-${drafted}`, label: {}, link: { type: 'url', url: '' }, children: [] };
};

export const draftsOf = (items: readonly MenuItem[]): DraftItem[] =>
  items.map((i) => ({ key: i.id, label: i.label, link: i.link, children: draftsOf(i.children) }));

const cleanLabel = (label: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(label).filter(([, text]) => text.trim() !== ''));

/** The tree as the server takes it: empty labels left out, only the link's own target. */
export const inputsOf = (tree: Tree): MenuItemInput[] =>
  tree.map((i) => {
    const target = i.link.type === 'page' ? 'pageId' : i.link.type === 'url' ? 'url' : 'nodeId';
    const link: MenuLink = { type: i.link.type, [target]: i.link[target] ?? '' };
    return { label: cleanLabel(i.label), link, ...(i.children.length > 0 ? { children: inputsOf(i.children) } : {}) };
  });

export const countOf = (tree: Tree): number => tree.reduce((n, i) => n + 1 + countOf(i.children), 0);

/** Levels an item takes with its children (1 for a leaf). */
const heightOf = (item: DraftItem): number => 1 + Math.max(0, ...item.children.map(heightOf));

export const itemAt = (tree: Tree, path: TreePath): DraftItem | undefined => {
  const [first, ...rest] = path;
  const item = first === undefined ? undefined : tree[first];
  return item && rest.length > 0 ? itemAt(item.children, rest) : item;
};

/** The tree with the list under `parent` (the top for []) replaced by `edit` of it. */
const editList = (tree: Tree, parent: TreePath, edit: (list: DraftItem[]) => DraftItem[]): DraftItem[] => {
  const [first, ...rest] = parent;
  if (first === undefined) return edit([...tree]);
  return tree.map((item, i) => (i === first ? { ...item, children: editList(item.children, rest, edit) } : item));
};

export const replaceAt = (tree: Tree, path: TreePath, next: DraftItem): DraftItem[] =>
  editList(tree, path.slice(0, -1), (list) => list.map((item, i) => (i === path.at(-1) ? next : item)));

export const removeAt = (tree: Tree, path: TreePath): DraftItem[] =>
  editList(tree, path.slice(0, -1), (list) => list.filter((_, i) => i !== path.at(-1)));

const insertAt = (tree: Tree, parent: TreePath, index: number, item: DraftItem): TreeChange => {
  const siblings = parent.length === 0 ? tree : (itemAt(tree, parent)?.children ?? []);
  if (parent.length + heightOf(item) > MENU_LIMITS.depth) return { refused: 'depth' };
  if (siblings.length >= MENU_LIMITS.siblings) return { refused: 'siblings' };
  return { tree: editList(tree, parent, (list) => [...list.slice(0, index), item, ...list.slice(index)]) };
};

/** Appends a new item at the top level, or refuses when the menu is full. */
export const added = (tree: Tree, item: DraftItem): TreeChange =>
  countOf(tree) >= MENU_LIMITS.items ? { refused: 'items' } : insertAt(tree, [], tree.length, item);

/** Moves the item at `from` to `index` under `parent` (a path in the tree as it is after taking the item out). */
const relocated = (tree: Tree, from: TreePath, parent: TreePath, index: number): TreeChange => {
  const item = itemAt(tree, from);
  return item ? insertAt(removeAt(tree, from), parent, index, item) : { tree };
};

export type TreeMove = 'up' | 'down' | 'indent' | 'outdent';

/** Up / down among its siblings; indent: last child of the one above; outdent: next after its parent. */
export const movedBy = (tree: Tree, path: TreePath, move: TreeMove): TreeChange => {
  const parent = path.slice(0, -1);
  const i = path.at(-1) ?? 0;
  const siblings = parent.length === 0 ? tree : (itemAt(tree, parent)?.children ?? []);
  if (move === 'up') return i === 0 ? { tree } : relocated(tree, path, parent, i - 1);
  if (move === 'down') return i >= siblings.length - 1 ? { tree } : relocated(tree, path, parent, i + 1);
  if (move === 'indent') {
    const above = siblings[i - 1];
    return above ? relocated(tree, path, [...parent, i - 1], above.children.length) : { tree };
  }
  if (parent.length === 0) return { tree };
  return relocated(tree, path, parent.slice(0, -1), (parent.at(-1) ?? 0) + 1);
};

export type DropPlace = 'before' | 'inside' | 'after';

/** Where a dropped item lands: before or after the target, or as its last child; never inside itself. */
export const droppedOn = (tree: Tree, from: TreePath, target: TreePath, place: DropPlace): TreeChange => {
  const inItself = target.length >= from.length && from.every((v, k) => target[k] === v);
  if (inItself) return { tree };
  const item = itemAt(tree, from);
  const targetItem = itemAt(tree, target);
  if (!item || !targetItem) return { tree };
  const rest = removeAt(tree, from);
  const path = pathOf(rest, targetItem.key);
  if (!path) return { tree };
  if (place === 'inside') return insertAt(rest, path, targetItem.children.length, item);
  const index = (path.at(-1) ?? 0) + (place === 'after' ? 1 : 0);
  return insertAt(rest, path.slice(0, -1), index, item);
};

export const pathOf = (tree: Tree, key: string, at: TreePath = []): TreePath | undefined => {
  for (const [i, item] of tree.entries()) {
    if (item.key === key) return [...at, i];
    const inner = pathOf(item.children, key, [...at, i]);
    if (inner) return inner;
  }
  return undefined;
};
