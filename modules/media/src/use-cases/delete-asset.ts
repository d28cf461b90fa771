import { inTenant } from '@rustok/api';
import { MEDIA_MANAGE, type MediaContext, requirePermission } from '../context.js';
import { MEDIA_EVENT } from '../events.js';
import { deleteAssetRow } from '../store/assets.js';
import { removeFiles } from './ingest.js';
import { requireAsset } from './read-assets.js';

/**
 * DELETE /media/{id}: the row and `media.asset.deleted` commit together, then the original and its
 * variants are deleted from the store (after the commit: a rolled-back delete keeps its files).
 */
export const deleteAsset = async (ctx: MediaContext, id: string): Promise<void> => {
  requirePermission(ctx, MEDIA_MANAGE);
  const keys = await inTenant(ctx, async (w) => {
    const row = await requireAsset(w, id, true);
    await deleteAssetRow(w.tx, id);
    await w.publish(MEDIA_EVENT.assetDeleted, { assetId: id });
    return [row.key, ...row.variants.map((v) => v.key)];
  });
  await removeFiles(ctx, keys);
};
