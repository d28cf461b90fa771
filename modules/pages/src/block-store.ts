import { type ContentTx, nodeKindsInTx } from '@rustok/content';
import { generateId } from '@rustok/kernel';
import type { Block } from './blocks.js';
import type { PageBlock } from './schemas.js';

/** Replaces a page's blocks with `blocks`, in the given order. */
export const replaceBlocks = async (w: ContentTx, pageId: string, blocks: readonly Block[]): Promise<void> => {
  await w.tx.query('DELETE FROM pages_blocks WHERE page_id = $1', [pageId]);
  for (const [position, block] of blocks.entries()) {
    await w.tx.query('INSERT INTO pages_blocks (id, page_id, position, type, data) VALUES ($1, $2, $3, $4, $5)', [
      generateId(),
      pageId,
      position,
      block.type,
      JSON.stringify(block.data),
    ]);
  }
};

export const loadBlocks = async (w: ContentTx, pageId: string): Promise<PageBlock[]> => {
  const { rows } = await w.tx.query<PageBlock>('SELECT id, position, type, data FROM pages_blocks WHERE page_id = $1 ORDER BY position', [
    pageId,
  ]);
  return rows;
};

/** Blocks of pages that no longer exist (a deleted page and the sub-pages content deleted with it). */
export const dropOrphanBlocks = async (w: ContentTx): Promise<void> => {
  const { rows } = await w.tx.query<{ page_id: string }>('SELECT DISTINCT page_id FROM pages_blocks');
  const alive = await nodeKindsInTx(
    w,
    rows.map((r) => r.page_id),
  );
  const gone = rows.map((r) => r.page_id).filter((id) => !alive.has(id));
  if (gone.length > 0) await w.tx.query('DELETE FROM pages_blocks WHERE page_id = ANY($1::uuid[])', [gone]);
};
