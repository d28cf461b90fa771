import { inTenant } from '@rustok/api';
import type { StoredObject } from '@rustok/storage';
import type { MediaContext } from '../context.js';
import { mediaErrors } from '../errors.js';
import { requireAsset } from './read-assets.js';

/** What serving a file needs to answer, before its bytes are read. */
export interface AssetFile {
  readonly contentType: string;
  readonly size: number;
  /** Strong: the bytes behind an asset id and a variant never change. */
  readonly etag: string;
  readonly fileName: string;
  /** The bytes, or null when the store lost them (answered as not found). */
  open(): Promise<StoredObject | null>;
}

/**
 * GET /media/{id}/file: the original or a variant of an asset of the request's tenant, for anyone
 * (storefront pages show them); another tenant's asset is not found.
 */
export const readFile = async (ctx: MediaContext, id: string, variant?: string): Promise<AssetFile> => {
  const row = await inTenant(ctx, (w) => requireAsset(w, id));
  const file =
    variant === undefined
      ? { key: row.key, contentType: row.content_type, size: Number(row.size) }
      : row.variants.find((v) => v.name === variant);
  if (!file) throw mediaErrors.MEDIA_VARIANT_NOT_FOUND(`Asset ${id} has no variant ${variant}`);
  return {
    contentType: file.contentType,
    size: file.size,
    etag: `"${id}.${variant ?? 'original'}"`,
    fileName: row.file_name,
    open: () => ctx.storage.get(file.key),
  };
};
