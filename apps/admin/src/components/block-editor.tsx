import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_BLOCKS, type Page, pageQuery, putBlocks } from '../api/pages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { type BlockAction, BlockEditorItem } from './block-editor-item.js';
import { blockMessages } from './block-fields.js';
import { BLOCK_KINDS, type BlockKind, type DraftBlock, draftOf, inputOf, moved, newDraft } from './block-kinds.js';
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
  const [blocks, setBlocks] = useState<DraftBlock[]>(() => page.blocks.map(draftOf));
  const [dirty, setDirty] = useState(false);
  const [news, setNews] = useState('');
  const dragged = useRef<number | null>(null);
  const focusAfterMove = useFocusAfterMove();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: putBlocks,
    onSuccess: (next) => {
      queryClient.setQueryData(pageQuery(page.id).queryKey, next);
      setBlocks(next.blocks.map(draftOf));
      setDirty(false);
    },
  });
  const change = (next: DraftBlock[], said = '') => {
    setBlocks(next);
    setDirty(true);
    setNews(said);
    save.reset();
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= blocks.length || from === to) return;
    change(moved(blocks, from, to), t.movedTo(to + 1, blocks.length));
  };
  return (
    <form
      aria-labelledby="blocks-heading"
      className="block-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: page.id, blocks: blocks.map(inputOf) });
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
            onChange={(data) => change(blocks.map((b, j) => (j === i ? { ...b, data } : b)))}
            onMove={(action) => {
              move(i, action === 'up' ? i - 1 : i + 1);
              focusAfterMove({ key: block.key, action });
            }}
            onRemove={() =>
              change(
                blocks.filter((_, j) => j !== i),
                t.removed,
              )
            }
            onDragFrom={() => {
              dragged.current = i;
            }}
            onDropOn={() => {
              if (dragged.current !== null) move(dragged.current, i);
              dragged.current = null;
            }}
          />
        ))}
      </ol>
      <p role="status" className="hint">
        {news} {dirty ? t.unsaved : ''} {save.isSuccess ? t.saved : ''}
      </p>
      {readOnly ? null : <AddBlock full={blocks.length >= MAX_BLOCKS} onAdd={(kind) => change([...blocks, newDraft(kind)])} />}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {readOnly ? null : (
        <button type="submit" disabled={save.isPending || !dirty}>
          {t.save}
        </button>
      )}
    </form>
  );
};
