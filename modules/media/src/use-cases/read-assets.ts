import { inTenant, type ModuleTx } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { MEDIA_READ, type MediaContext, requirePermission } from '../context.js';
import { mediaErrors } from '../errors.js';
import { type AssetList, ListAssetsQuery, type MediaAsset } from '../schemas.js';
import { type AssetRow, loadAsset, selectAssets, toAsset } from '../store/assets.js';

/** The asset of the tenant, or 404 (another tenant's asset is not found either: row-level security). */
export const requireAsset = async (w: ModuleTx, id: string, forUpdate = false): Promise<AssetRow> => {
  const row = await loadAsset(w.tx, id, forUpdate);
  if (!row) throw mediaErrors.MEDIA_ASSET_NOT_FOUND(`No asset ${id}`);
  return row;
};

/** GET /media: the tenant's assets, newest first, images or documents only when asked. */
export const listAssets = (ctx: MediaContext, raw: ListAssetsQuery): Promise<AssetList> => {
  requirePermission(ctx, MEDIA_READ);
  const query = parseInput(ListAssetsQuery, raw) as ListAssetsQuery;
  return inTenant(ctx, (w) => selectAssets(w.tx, query.limit ?? 50, query.cursor, query.type));
};

/** GET /media/{id}: one asset's record (the file itself is public, its record is for staff). */
export const getAsset = (ctx: MediaContext, id: string): Promise<MediaAsset> => {
  requirePermission(ctx, MEDIA_READ);
  return inTenant(ctx, async (w) => toAsset(await requireAsset(w, id)));
};
