import { inTenant, type ModuleTx } from '@rustok/api';
import type { AppError } from '@rustok/kernel';
import { checkUpload, createVariants, type UploadRefusal } from '@rustok/storage';
import type { MediaContext } from '../context.js';
import { mediaErrors } from '../errors.js';
import { MEDIA_EVENT, type MediaAssetEventPayload } from '../events.js';
import type { MediaAsset } from '../schemas.js';
import { originalKey, variantKey } from '../storage.js';
import { insertAsset, type NewAsset, type StoredVariant, toAsset } from '../store/assets.js';

/** A file as it arrived: its bytes, and what the client said about it (checked, never trusted). */
export interface IncomingFile {
  readonly bytes: Buffer;
  readonly declaredType: string | undefined;
  readonly fileName: string;
}

/** A checked file whose original and variants are stored: what its row records. */
export interface StoredFiles {
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly variants: readonly StoredVariant[];
  /** Every key written for it (the original included), to delete when the row cannot be written. */
  readonly keys: readonly string[];
}

const REFUSALS: Record<UploadRefusal, (detail: string) => AppError> = {
  empty: (detail) => mediaErrors.MEDIA_FILE_EMPTY(detail),
  too_large: (detail) => mediaErrors.MEDIA_FILE_TOO_LARGE(detail),
  type_mismatch: (detail) => mediaErrors.MEDIA_TYPE_MISMATCH(detail),
  type_not_allowed: (detail) => mediaErrors.MEDIA_TYPE_NOT_ALLOWED(detail),
};

const refusalDetail = (reason: UploadRefusal, detected: string | undefined, ctx: MediaContext): string => {
  if (reason === 'too_large') return `A file may have at most ${ctx.options.max_upload_bytes} bytes`;
  if (reason === 'empty') return 'The file has no bytes';
  const what = detected === undefined ? 'of a type not recognised' : `really ${detected}`;
  return reason === 'type_mismatch'
    ? `The file is ${what}, not what its declared type or name says`
    : `The file is ${what}; allowed: ${ctx.options.allowed_types.join(', ')}`;
};

/** The real type of the file, judged by its bytes; a coded error when it is refused. */
export const checkFile = async (ctx: MediaContext, file: IncomingFile): Promise<string> => {
  const verdict = await checkUpload({
    bytes: file.bytes,
    declaredType: file.declaredType,
    fileName: file.fileName,
    maxBytes: ctx.options.max_upload_bytes,
    allowedTypes: ctx.options.allowed_types,
  });
  if (!verdict.ok) throw REFUSALS[verdict.reason](refusalDetail(verdict.reason, verdict.detected, ctx));
  return verdict.type;
};

/** Deletes files, all of them tried; the first failure is thrown after (a store that fails is unexpected). */
export const removeFiles = async (ctx: MediaContext, keys: readonly string[]): Promise<void> => {
  const results = await Promise.allSettled(keys.map((key) => ctx.storage.delete(key)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
};

/** The WebP sizes of an image, stored; a coded error when the bytes do not decode or have too many pixels. */
const storeVariants = async (ctx: MediaContext, assetId: string, bytes: Buffer) => {
  const made = await createVariants(bytes, ctx.options.variants, { maxInputPixels: ctx.options.max_image_pixels });
  if (!made.ok) {
    throw made.reason === 'too_many_pixels'
      ? mediaErrors.MEDIA_IMAGE_TOO_LARGE(`An image may have at most ${ctx.options.max_image_pixels} pixels`)
      : mediaErrors.MEDIA_IMAGE_UNREADABLE('The image does not decode');
  }
  const variants: StoredVariant[] = [];
  for (const v of made.variants) {
    const key = variantKey(ctx.tenantId, assetId, v.name);
    await ctx.storage.put(key, v.bytes, { contentType: v.contentType, contentLength: v.bytes.length });
    variants.push({ name: v.name, key, width: v.width, height: v.height, size: v.bytes.length, contentType: v.contentType });
  }
  return { width: made.source.width, height: made.source.height, variants };
};

/**
 * Stores a checked file: the original (unless it is in the store already: a direct upload), and for
 * an image its variants. What was written before a failure is deleted again.
 */
export const storeFiles = async (ctx: MediaContext, assetId: string, file: IncomingFile, originalStored = false): Promise<StoredFiles> => {
  const contentType = await checkFile(ctx, file);
  const original = originalKey(ctx.tenantId, assetId);
  const keys = originalStored ? [] : [original];
  try {
    if (!originalStored) await ctx.storage.put(original, file.bytes, { contentType, contentLength: file.bytes.length });
    const image = contentType.startsWith('image/') ? await storeVariants(ctx, assetId, file.bytes) : undefined;
    const variants = image?.variants ?? [];
    keys.push(...variants.map((v) => v.key));
    return { contentType, size: file.bytes.length, width: image?.width ?? null, height: image?.height ?? null, variants, keys };
  } catch (error) {
    await removeFiles(ctx, [...keys, ...ctx.options.variants.map((v) => variantKey(ctx.tenantId, assetId, v.name))]);
    throw error;
  }
};

const createdPayload = (a: NewAsset): MediaAssetEventPayload => ({
  assetId: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  width: a.width,
  height: a.height,
  variants: a.variants.map((v) => v.name),
});

/**
 * The asset's row and `media.asset.created`, in one transaction with whatever `before` does; when it
 * fails, the stored files are deleted (no file without a row).
 */
export const recordAsset = async (
  ctx: MediaContext,
  asset: NewAsset,
  keys: readonly string[],
  before?: (w: ModuleTx) => Promise<void>,
): Promise<MediaAsset> => {
  try {
    return await inTenant(ctx, async (w) => {
      await before?.(w);
      const row = await insertAsset(w.tx, asset);
      await w.publish(MEDIA_EVENT.assetCreated, createdPayload(asset));
      return toAsset(row);
    });
  } catch (error) {
    await removeFiles(ctx, keys);
    throw error;
  }
};
