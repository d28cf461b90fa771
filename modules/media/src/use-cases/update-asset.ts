import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { MEDIA_MANAGE, type MediaContext, requirePermission } from '../context.js';
import { MEDIA_EVENT } from '../events.js';
import { type MediaAsset, UpdateAssetInput } from '../schemas.js';
import { toAsset, updateAlt } from '../store/assets.js';
import { requireAsset } from './read-assets.js';

/** PATCH /media/{id}: the alternative text (the file never changes: a new file is a new asset). */
export const updateAsset = (ctx: MediaContext, id: string, raw: UpdateAssetInput): Promise<MediaAsset> => {
  requirePermission(ctx, MEDIA_MANAGE);
  const input = parseInput(UpdateAssetInput, raw) as UpdateAssetInput;
  const alt = input.alt?.trim() || null;
  return inTenant(ctx, async (w) => {
    await requireAsset(w, id, true);
    const row = await updateAlt(w.tx, id, alt);
    await w.publish(MEDIA_EVENT.assetUpdated, { assetId: id, alt });
    return toAsset(row);
  });
};
