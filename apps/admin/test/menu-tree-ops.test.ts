import { describe, expect, it } from 'vitest';
import { added, type DraftItem, droppedOn, inputsOf, movedBy, newItem, type TreeChange } from '../src/components/menu-tree-ops.js';

const item = (key: string, children: DraftItem[] = []): DraftItem => ({
  key,
  label: { en: key },
  link: { type: 'url', url: `/${key}` },
  children,
});
const shape = (tree: readonly DraftItem[]): unknown[] => tree.map((i) => (i.children.length > 0 ? [i.key, shape(i.children)] : i.key));
const treeOf = (change: TreeChange): readonly DraftItem[] => {
  if ('refused' in change) throw new Error(`refused: ${change.refused}`);
  return change.tree;
};

// The menu editor's moves, as the buttons and drag and drop make them, within the pages module's limits.
describe('menu tree moves', () => {
  const flat = [item('a'), item('b'), item('c')];

  it('moves up and down among siblings, and not past either end', () => {
    expect(shape(treeOf(movedBy(flat, [2], 'up')))).toEqual(['a', 'c', 'b']);
    expect(shape(treeOf(movedBy(flat, [0], 'down')))).toEqual(['b', 'a', 'c']);
    expect(shape(treeOf(movedBy(flat, [0], 'up')))).toEqual(['a', 'b', 'c']);
    expect(shape(treeOf(movedBy(flat, [2], 'down')))).toEqual(['a', 'b', 'c']);
  });

  it('indents under the item above and outdents to just after the parent', () => {
    const indented = treeOf(movedBy(flat, [2], 'indent'));
    expect(shape(indented)).toEqual(['a', ['b', ['c']]]);
    expect(shape(treeOf(movedBy(indented, [1, 0], 'outdent')))).toEqual(['a', 'b', 'c']);
    expect(shape(treeOf(movedBy(flat, [0], 'indent')))).toEqual(['a', 'b', 'c']);
  });

  it('refuses a fourth level, counting the moved item’s own children', () => {
    const deep = [item('a'), item('b', [item('c', [item('d')])])];
    expect(movedBy(deep, [1], 'indent')).toEqual({ refused: 'depth' });
    expect(droppedOn(deep, [1], [0], 'inside')).toEqual({ refused: 'depth' });
  });

  it('drops before, inside or after an item, and never into itself', () => {
    expect(shape(treeOf(droppedOn(flat, [0], [2], 'after')))).toEqual(['b', 'c', 'a']);
    expect(shape(treeOf(droppedOn(flat, [2], [0], 'before')))).toEqual(['c', 'a', 'b']);
    expect(shape(treeOf(droppedOn(flat, [0], [1], 'inside')))).toEqual([['b', ['a']], 'c']);
    const nested = [item('a', [item('b')])];
    expect(shape(treeOf(droppedOn(nested, [0], [0, 0], 'inside')))).toEqual([['a', ['b']]]);
  });

  it('refuses an item past the 200 of a menu', () => {
    let tree: readonly DraftItem[] = Array.from({ length: 100 }, (_, i) => item(`t${i}`, [item(`c${i}`)]));
    expect(added(tree, newItem())).toEqual({ refused: 'items' });
    tree = tree.slice(1);
    expect(shape(treeOf(added(tree, item('last')))).at(-1)).toBe('last');
  });

  it('sends labels without empty locales and only the target the link type names', () => {
    const draft: DraftItem = { key: 'x', label: { en: 'Shop', ru: ' ' }, link: { type: 'page', pageId: 'p1', url: '/old' }, children: [] };
    expect(inputsOf([draft])).toEqual([{ label: { en: 'Shop' }, link: { type: 'page', pageId: 'p1' } }]);
  });
});
