import { useEffect, useRef, useState } from 'react';
import type { PageNode } from '../api/pages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { type MenuTreeActions, MenuTreeContext } from './menu-tree-context.js';
import { MenuTreeItem } from './menu-tree-item.js';
import {
  added,
  type DraftItem,
  droppedOn,
  itemAt,
  MENU_LIMITS,
  movedBy,
  newItem,
  pathOf,
  removeAt,
  replaceAt,
  type TreeChange,
  type TreeLimit,
  type TreeMove,
  type TreePath,
} from './menu-tree-ops.js';

const messages = defineMessages({
  en: {
    heading: 'Items',
    none: 'No items yet.',
    add: 'Add item',
    depth: (n: number) => `Not moved: a menu nests at most ${n} levels deep.`,
    siblings: (n: number) => `Not moved: one item holds at most ${n} items directly.`,
    items: (n: number) => `Not added: a menu holds at most ${n} items.`,
    placed: (at: string) => `Item now at ${at}.`,
    removed: 'Item removed.',
  },
  ru: {
    heading: 'Пункты',
    none: 'Пунктов пока нет.',
    add: 'Добавить пункт',
    depth: (n: number) => `Не перемещено: меню вкладывается не глубже ${n} уровней.`,
    siblings: (n: number) => `Не перемещено: в одном пункте не больше ${n} вложенных пунктов.`,
    items: (n: number) => `Не добавлено: в меню не больше ${n} пунктов.`,
    placed: (at: string) => `Пункт теперь на месте ${at}.`,
    removed: 'Пункт удалён.',
  },
});

const LIMIT_OF: Readonly<Record<TreeLimit, number>> = {
  depth: MENU_LIMITS.depth,
  siblings: MENU_LIMITS.siblings,
  items: MENU_LIMITS.items,
};

interface Props {
  readonly tree: readonly DraftItem[];
  readonly onChange: (tree: readonly DraftItem[]) => void;
  readonly locales: readonly string[];
  readonly pages: readonly PageNode[];
}

/** Keeps focus on the button that moved an item (or on another of its buttons when that one is now disabled). */
const useFocusAfterMove = () => {
  const [target, setTarget] = useState<{ key: string; move: TreeMove } | null>(null);
  useEffect(() => {
    if (!target) return;
    const order = [target.move, 'up', 'down', 'indent', 'outdent'];
    const buttons = order.map((m) => document.getElementById(`${target.key}-${m}`) as HTMLButtonElement | null);
    buttons.find((b) => b && !b.disabled)?.focus();
  }, [target]);
  return setTarget;
};

type Texts = (typeof messages)['en'];

/** Every edit of the tree as its items call it; a change past the limits is refused with its reason instead. */
const useTreeActions = ({ tree, onChange, locales, pages }: Props, t: Texts) => {
  const [news, setNews] = useState<{ text: string; refused: boolean }>({ text: '', refused: false });
  const dragged = useRef<TreePath | null>(null);
  const focusAfterMove = useFocusAfterMove();
  const apply = (change: TreeChange, key?: string) => {
    if ('refused' in change) return setNews({ text: t[change.refused](LIMIT_OF[change.refused]), refused: true });
    onChange(change.tree);
    const at = key ? pathOf(change.tree, key) : undefined;
    setNews({ text: at ? t.placed(at.map((i) => i + 1).join('.')) : '', refused: false });
  };
  const actions: MenuTreeActions = {
    locales,
    pages,
    change: (path, next) => onChange(replaceAt(tree, path, next)),
    move: (path, move) => {
      const key = itemAt(tree, path)?.key;
      apply(movedBy(tree, path, move), key);
      if (key) focusAfterMove({ key, move });
    },
    remove: (path) => {
      onChange(removeAt(tree, path));
      setNews({ text: t.removed, refused: false });
    },
    dragFrom: (path) => {
      dragged.current = path;
    },
    dropOn: (path, place) => {
      const from = dragged.current;
      dragged.current = null;
      if (from) apply(droppedOn(tree, from, path, place), itemAt(tree, from)?.key);
    },
  };
  return { actions, news, add: () => apply(added(tree, newItem())) };
};

/** The menu's item tree: add, edit, move up / down, indent / outdent, drag and drop, remove — within the module's limits. */
export const MenuTree = (props: Props) => {
  const t = useMessages(messages);
  const { actions, news, add } = useTreeActions(props, t);
  const { tree, locales } = props;
  return (
    <MenuTreeContext.Provider value={actions}>
      <section aria-labelledby="menu-items">
        <h2 id="menu-items">{t.heading}</h2>
        {tree.length === 0 ? <p>{t.none}</p> : null}
        <ul className="menu-tree" data-testid="menu-tree">
          {tree.map((item, i) => (
            <MenuTreeItem key={item.key} item={item} path={[i]} siblings={tree.length} locale={locales[0] ?? 'en'} />
          ))}
        </ul>
        <p role="status" className="hint">
          {news.refused ? '' : news.text}
        </p>
        {news.refused ? (
          <p role="alert" className="error">
            {news.text}
          </p>
        ) : null}
        <button type="button" onClick={add}>
          {t.add}
        </button>
      </section>
    </MenuTreeContext.Provider>
  );
};
