import { generateId } from '@rustok/kernel';
import { MEDIA_MANAGE, type MediaContext, requirePermission } from '../context.js';
import type { MediaAsset } from '../schemas.js';
import { originalKey } from '../storage.js';
import { type IncomingFile, recordAsset, storeFiles } from './ingest.js';

export interface UploadInput extends IncomingFile {
  readonly alt?: string | undefined;
}

/** Keeps the shown name printable and short; it is never part of a storage key. */
export const displayName = (name: string): string => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean === '' ? 'file' : clean).slice(0, 255);
};

/**
 * POST /media (multipart): the file is judged by its bytes (a file lying about its type is refused),
 * stored under `<tenantId>/<assetId>/original` with its WebP variants if it is an image, then its row
 * and `media.asset.created` commit together; if they cannot, the files are deleted.
 */
export const uploadAsset = async (ctx: MediaContext, input: UploadInput): Promise<MediaAsset> => {
  requirePermission(ctx, MEDIA_MANAGE);
  const id = generateId();
  const stored = await storeFiles(ctx, id, input);
  const alt = input.alt?.trim() ? input.alt.trim().slice(0, 1_000) : null;
  const asset = {
    id,
    key: originalKey(ctx.tenantId, id),
    fileName: displayName(input.fileName),
    alt,
    createdBy: ctx.actor.userId,
    ...stored,
  };
  return recordAsset(ctx, asset, stored.keys);
};
