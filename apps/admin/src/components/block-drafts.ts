import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Page, pageQuery, putBlocks } from '../api/pages.js';
import { type BlockKind, type DraftBlock, draftOf, inputOf, moved, newDraft } from './block-kinds.js';

interface Said {
  readonly movedTo: (n: number, of: number) => string;
  readonly removed: string;
}

/** The block editor's state: the page's blocks as drafts, each change (with what to announce of it), and saving them all at once. */
export const useBlockDrafts = (page: Page, said: Said) => {
  const [blocks, setBlocks] = useState<DraftBlock[]>(() => page.blocks.map(draftOf));
  const [dirty, setDirty] = useState(false);
  const [news, setNews] = useState('');
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: putBlocks,
    onSuccess: (next) => {
      queryClient.setQueryData(pageQuery(page.id).queryKey, next);
      setBlocks(next.blocks.map(draftOf));
      setDirty(false);
    },
  });
  const change = (next: DraftBlock[], announce = '') => {
    setBlocks(next);
    setDirty(true);
    setNews(announce);
    save.reset();
  };
  return {
    blocks,
    dirty,
    news,
    save,
    edit: (i: number, data: DraftBlock['data']) => change(blocks.map((b, j) => (j === i ? { ...b, data } : b))),
    move: (from: number, to: number) => {
      if (to < 0 || to >= blocks.length || from === to) return;
      change(moved(blocks, from, to), said.movedTo(to + 1, blocks.length));
    },
    remove: (i: number) =>
      change(
        blocks.filter((_, j) => j !== i),
        said.removed,
      ),
    add: (kind: BlockKind) => change([...blocks, newDraft(kind)]),
    submit: () => save.mutate({ id: page.id, blocks: blocks.map(inputOf) }),
  };
};
