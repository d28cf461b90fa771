import { existingProductIds } from '@rustok/commerce/contracts';
import { type ContentTx, nodeKindsInTx } from '@rustok/content/kit';
import { generateId } from '@rustok/kernel';
import { withMediaImages } from './block-media.js';
import type { Block } from './blocks.js';
import { invalid } from './context.js';
import type { PageBlock } from './schemas.js';

/** Product grids may name only products of the tenant's catalog: one 422 lists every unknown id. */
const assertProductsExist = async (w: ContentTx, blocks: readonly Block[]): Promise<void> => {
  const named = blocks.flatMap((block, i) =>
    block.type === 'product_grid'
      ? (block.data.productIds as string[]).map((id, j) => ({ id, path: `/blocks/${i}/data/productIds/${j}` }))
      : [],
  );
  const found = await existingProductIds(w.tx, [...new Set(named.map((n) => n.id))]);
  const errors = named.filter((n) => !found.has(n.id)).map((n) => ({ path: n.path, message: 'is not a product of this shop' }));
  if (errors.length > 0) throw invalid(errors);
};

/** Replaces a page's blocks with `blocks`, in the given order (images of the media library with the asset's sizes). */
export const replaceBlocks = async (w: ContentTx, pageId: string, blocks: readonly Block[]): Promise<void> => {
  await assertProductsExist(w, blocks);
  const stored = await withMediaImages(w, blocks);
  await w.tx.query('DELETE FROM pages_blocks WHERE page_id = $1', [pageId]);
  for (const [position, block] of stored.entries()) {
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
