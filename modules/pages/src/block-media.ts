import type { ContentTx } from '@rustok/content/kit';
import { mediaImagesOf } from '@rustok/media/contracts';
import type { Block } from './blocks.js';
import { invalid } from './context.js';

const mediaIdOf = (block: Block): string | undefined =>
  block.type === 'image' && typeof block.data.mediaId === 'string' ? block.data.mediaId : undefined;

/** An image block without a media asset keeps its address; sizes it was sent with are not the server's and go. */
const plainImage = (block: Block): Block => {
  const { width: _w, height: _h, srcset: _s, ...data } = block.data;
  return { type: block.type, data };
};

/**
 * Image blocks that name a `mediaId` get the asset's URL, size and WebP variants (narrowest first)
 * through media's contracts, read in the tenant's transaction: one 422 lists every id that is no
 * image of this tenant's library (another tenant's included, or any when media is not installed).
 */
export const withMediaImages = async (w: ContentTx, blocks: readonly Block[]): Promise<Block[]> => {
  const ids = [...new Set(blocks.flatMap((b) => mediaIdOf(b) ?? []))];
  const assets = await mediaImagesOf(w.tx, ids);
  const errors = blocks.flatMap((block, i) => {
    const id = mediaIdOf(block);
    return id && !assets.has(id) ? [{ path: `/blocks/${i}/data/mediaId`, message: 'is not an image of this site’s media' }] : [];
  });
  if (errors.length > 0) throw invalid(errors);
  return blocks.map((block) => {
    if (block.type !== 'image') return block;
    const asset = assets.get(mediaIdOf(block) ?? '');
    if (!asset) return plainImage(block);
    const srcset = asset.sizes.map((s) => ({ url: s.url, width: s.width, height: s.height }));
    return { type: block.type, data: { ...block.data, url: asset.url, width: asset.width, height: asset.height, srcset } };
  });
};
