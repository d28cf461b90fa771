import type { DragEvent } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { BlockFields, blockMessages } from './block-fields.js';
import type { DraftBlock } from './block-kinds.js';

const messages = defineMessages({
  en: {
    legend: (n: number, kind: string) => `Block ${n}: ${kind}`,
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    upLabel: (n: number) => `Move up, block ${n}`,
    downLabel: (n: number) => `Move down, block ${n}`,
    removeLabel: (n: number) => `Remove, block ${n}`,
    drag: 'Drag to reorder',
  },
  ru: {
    legend: (n: number, kind: string) => `Блок ${n}: ${kind}`,
    up: 'Выше',
    down: 'Ниже',
    remove: 'Удалить',
    upLabel: (n: number) => `Выше, блок ${n}`,
    downLabel: (n: number) => `Ниже, блок ${n}`,
    removeLabel: (n: number) => `Удалить, блок ${n}`,
    drag: 'Перетащите, чтобы изменить порядок',
  },
});

export type BlockAction = 'up' | 'down';

interface Props {
  readonly block: DraftBlock;
  readonly index: number;
  readonly count: number;
  readonly readOnly: boolean;
  readonly onChange: (data: DraftBlock['data']) => void;
  readonly onMove: (action: BlockAction) => void;
  readonly onRemove: () => void;
  /** Drag and drop: a block dragged by its handle and dropped on another takes that one's place. */
  readonly onDragFrom: () => void;
  readonly onDropOn: () => void;
}

const kindName = (type: string, names: Readonly<Record<string, unknown>>): string =>
  typeof names[type] === 'string' ? (names[type] as string) : type;

/** One block in the editor: its fields, and buttons (and a drag handle) to move or remove it. */
export const BlockEditorItem = ({ block, index, count, readOnly, onChange, onMove, onRemove, onDragFrom, onDropOn }: Props) => {
  const t = useMessages(messages);
  const names = useMessages(blockMessages);
  const n = index + 1;
  const allow = (event: DragEvent) => event.preventDefault();
  return (
    <li className="block" data-testid="block" data-type={block.type} onDragOver={allow} onDrop={onDropOn}>
      <fieldset disabled={readOnly}>
        <legend>{t.legend(n, kindName(block.type, names))}</legend>
        <BlockFields type={block.type} data={block.data} onChange={onChange} />
        <div className="row">
          <span
            className="drag-handle"
            draggable={!readOnly}
            aria-hidden="true"
            data-testid="block-handle"
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', block.key);
              onDragFrom();
            }}
          >
            ⠿ {t.drag}
          </span>
          <button type="button" id={`${block.key}-up`} aria-label={t.upLabel(n)} disabled={index === 0} onClick={() => onMove('up')}>
            {t.up}
          </button>
          <button
            type="button"
            id={`${block.key}-down`}
            aria-label={t.downLabel(n)}
            disabled={index === count - 1}
            onClick={() => onMove('down')}
          >
            {t.down}
          </button>
          <button type="button" aria-label={t.removeLabel(n)} onClick={onRemove}>
            {t.remove}
          </button>
        </div>
      </fieldset>
    </li>
  );
};
