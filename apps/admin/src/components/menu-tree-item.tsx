import { type DragEvent, useState } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { MenuItemFields } from './menu-item-fields.js';
import { useMenuTree } from './menu-tree-context.js';
import type { DraftItem, DropPlace, TreeMove, TreePath } from './menu-tree-ops.js';

const messages = defineMessages({
  en: {
    item: (at: string, label: string) => (label ? `Item ${at}: ${label}` : `Item ${at}`),
    up: 'Up',
    down: 'Down',
    indent: 'Indent',
    outdent: 'Outdent',
    remove: 'Remove',
    named: (action: string, at: string) => `${action}, item ${at}`,
    drag: 'Drag',
    before: 'Drop to put before',
    inside: 'Drop to nest inside',
    after: 'Drop to put after',
  },
  ru: {
    item: (at: string, label: string) => (label ? `Пункт ${at}: ${label}` : `Пункт ${at}`),
    up: 'Выше',
    down: 'Ниже',
    indent: 'Вложить',
    outdent: 'Вынести',
    remove: 'Удалить',
    named: (action: string, at: string) => `${action}, пункт ${at}`,
    drag: 'Перетащить',
    before: 'Отпустите, чтобы поставить перед',
    inside: 'Отпустите, чтобы вложить',
    after: 'Отпустите, чтобы поставить после',
  },
});

const MOVES: readonly TreeMove[] = ['up', 'down', 'indent', 'outdent'];

/** The top third of a row drops before it, the middle inside it, the bottom third after it. */
const placeOf = (event: DragEvent<HTMLElement>): DropPlace => {
  const box = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - box.top) / Math.max(box.height, 1);
  return y < 1 / 3 ? 'before' : y > 2 / 3 ? 'after' : 'inside';
};

const canMove = (move: TreeMove, path: TreePath, siblings: number): boolean => {
  const i = path.at(-1) ?? 0;
  if (move === 'up' || move === 'indent') return i > 0;
  if (move === 'down') return i < siblings - 1;
  return path.length > 1;
};

interface Props {
  readonly item: DraftItem;
  readonly path: TreePath;
  readonly siblings: number;
  readonly locale: string;
}

/** The item's row: a handle to drag it, buttons to move, nest or remove it, and a drop target for other items. */
const ItemRow = ({ item, path, siblings }: Omit<Props, 'locale'>) => {
  const t = useMessages(messages);
  const tree = useMenuTree();
  const [over, setOver] = useState<DropPlace | null>(null);
  const at = path.map((i) => i + 1).join('.');
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(placeOf(event));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(null);
    tree.dropOn(path, placeOf(event));
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the buttons make the same moves by keyboard
    <div className="row menu-row" data-drop={over ?? undefined} onDragOver={onDragOver} onDragLeave={() => setOver(null)} onDrop={onDrop}>
      <span
        className="drag-handle"
        draggable
        aria-hidden="true"
        data-testid="menu-handle"
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', item.key);
          tree.dragFrom(path);
        }}
      >
        ⠿ {t.drag}
      </span>
      <div className="row">
        {MOVES.map((move) => (
          <button
            key={move}
            type="button"
            id={`${item.key}-${move}`}
            aria-label={t.named(t[move], at)}
            disabled={!canMove(move, path, siblings)}
            onClick={() => tree.move(path, move)}
          >
            {t[move]}
          </button>
        ))}
        <button type="button" aria-label={t.named(t.remove, at)} onClick={() => tree.remove(path)}>
          {t.remove}
        </button>
      </div>
      {over ? <span className="drop-hint">{t[over]}</span> : null}
    </div>
  );
};

/** One item: its row, its fields and its children. */
export const MenuTreeItem = ({ item, path, siblings, locale }: Props) => {
  const t = useMessages(messages);
  const tree = useMenuTree();
  const at = path.map((i) => i + 1).join('.');
  return (
    <li data-testid="menu-item">
      <fieldset className="menu-item">
        <legend>{t.item(at, item.label[locale] ?? '')}</legend>
        <ItemRow item={item} path={path} siblings={siblings} />
        <MenuItemFields item={item} locales={tree.locales} pages={tree.pages} onChange={(next) => tree.change(path, next)} />
      </fieldset>
      {item.children.length > 0 ? (
        <ul className="menu-tree">
          {item.children.map((child, i) => (
            <MenuTreeItem key={child.key} item={child} path={[...path, i]} siblings={item.children.length} locale={locale} />
          ))}
        </ul>
      ) : null}
    </li>
  );
};
