import { useEffect, useId, useRef, useState } from 'react';
import { MAX_BLOCKS, type Page } from '../api/pages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { useBlockDrafts } from './block-drafts.js';
import { type BlockAction, BlockEditorItem } from './block-editor-item.js';
import { blockMessages } from './block-fields.js';
import { BLOCK_KINDS, type BlockKind } from './block-kinds.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    heading: 'Blocks',
    none: 'No blocks yet: add the first one.',
    kind: 'Kind of block',
    add: 'Add block',
    full: (max: number) => `A page holds at most ${max} blocks.`,
    save: 'Save blocks',
    saved: 'Blocks saved.',
    unsaved: 'Unsaved changes.',
    movedTo: (n: number, of: number) => `Block moved to place ${n} of ${of}.`,
    removed: 'Block removed.',
  },
  ru: {
    heading: 'Блоки',
    none: 'Блоков пока нет: добавьте первый.',
    kind: 'Вид блока',
    add: 'Добавить блок',
    full: (max: number) => `На странице может быть не больше ${max} блоков.`,
    save: 'Сохранить блоки',
    saved: 'Блоки сохранены.',
    unsaved: 'Есть несохранённые изменения.',
    movedTo: (n: number, of: number) => `Блок перемещён на место ${n} из ${of}.`,
    removed: 'Блок удалён.',
  },
});

const AddBlock = ({ full, onAdd }: { readonly full: boolean; readonly onAdd: (kind: BlockKind) => void }) => {
  const t = useMessages(messages);
  const names = useMessages(blockMessages);
  const id = useId();
  const [kind, setKind] = useState<BlockKind>('hero');
  return (
    <div className="row add-block">
      <div className="field">
        <label htmlFor={id}>{t.kind}</label>
        <select id={id} value={kind} onChange={(e) => setKind(e.target.value as BlockKind)}>
          {BLOCK_KINDS.map((k) => (
            <option key={k} value={k}>
              {names[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={full} onClick={() => onAdd(kind)}>
        {t.add}
      </button>
      {full ? <p className="hint">{t.full(MAX_BLOCKS)}</p> : null}
    </div>
  );
};

/** Moving a block by keyboard keeps focus on the button that moved it (or its twin at either end). */
const useFocusAfterMove = () => {
  const [target, setTarget] = useState<{ key: string; action: BlockAction } | null>(null);
  useEffect(() => {
    if (!target) return;
    const own = document.getElementById(`${target.key}-${target.action}`) as HTMLButtonElement | null;
    const twin = document.getElementById(`${target.key}-${target.action === 'up' ? 'down' : 'up'}`);
    (own && !own.disabled ? own : twin)?.focus();
  }, [target]);
  return setTarget;
};

/** The page's blocks in order: add each kind, edit its fields, move (buttons or drag and drop), remove; saved all at once. */
export const BlockEditor = ({ page, readOnly }: { readonly page: Page; readonly readOnly: boolean }) => {
  const t = useMessages(messages);
  const drafts = useBlockDrafts(page, t);
  const { blocks, save } = drafts;
  const dragged = useRef<number | null>(null);
  const focusAfterMove = useFocusAfterMove();
  return (
    <form
      aria-labelledby="blocks-heading"
      className="block-editor"
      onSubmit={(e) => {
        e.preventDefault();
        drafts.submit();
      }}
    >
      <h2 id="blocks-heading">{t.heading}</h2>
      {blocks.length === 0 ? <p>{t.none}</p> : null}
      <ol className="blocks">
        {blocks.map((block, i) => (
          <BlockEditorItem
            key={block.key}
            block={block}
            index={i}
            count={blocks.length}
            readOnly={readOnly}
            onChange={(data) => drafts.edit(i, data)}
            onMove={(action) => {
              drafts.move(i, action === 'up' ? i - 1 : i + 1);
              focusAfterMove({ key: block.key, action });
            }}
            onRemove={() => drafts.remove(i)}
            onDragFrom={() => {
              dragged.current = i;
            }}
            onDropOn={() => {
              if (dragged.current !== null) drafts.move(dragged.current, i);
              dragged.current = null;
            }}
          />
        ))}
      </ol>
      <p role="status" className="hint">
        {drafts.news} {drafts.dirty ? t.unsaved : ''} {save.isSuccess ? t.saved : ''}
      </p>
      {readOnly ? null : <AddBlock full={blocks.length >= MAX_BLOCKS} onAdd={drafts.add} />}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {readOnly ? null : (
        <button type="submit" disabled={save.isPending || !drafts.dirty}>
          {t.save}
        </button>
      )}
    </form>
  );
};
