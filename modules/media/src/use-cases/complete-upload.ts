import type { Readable } from 'node:stream';
import { inTenant, type ModuleTx } from '@rustok/api';
import { isAppError } from '@rustok/kernel';
import { MEDIA_MANAGE, type MediaContext, requirePermission } from '../context.js';
import { mediaErrors } from '../errors.js';
import type { MediaAsset } from '../schemas.js';
import { claimUpload, deleteUploadRow, type UploadRow } from '../store/uploads.js';
import { recordAsset, removeFiles, storeFiles } from './ingest.js';

const notFound = (id: string) => mediaErrors.MEDIA_UPLOAD_NOT_FOUND(`No pending upload ${id}`);

const requireUpload = async (w: ModuleTx, id: string): Promise<UploadRow> => {
  const row = await claimUpload(w.tx, id);
  if (!row) throw notFound(id);
  return row;
};

const readAll = async (body: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The uploaded object's bytes, or a coded error when it has not arrived or is too large (then it is deleted). */
const fetchObject = async (ctx: MediaContext, upload: UploadRow): Promise<Buffer> => {
  const head = await ctx.storage.head(upload.key);
  if (!head) throw mediaErrors.MEDIA_UPLOAD_NOT_RECEIVED('Nothing was uploaded to the URL yet');
  if (head.size > ctx.options.max_upload_bytes) {
    throw mediaErrors.MEDIA_FILE_TOO_LARGE(`A file may have at most ${ctx.options.max_upload_bytes} bytes`);
  }
  const object = await ctx.storage.get(upload.key);
  if (!object) throw mediaErrors.MEDIA_UPLOAD_NOT_RECEIVED('Nothing was uploaded to the URL yet');
  return readAll(object.body);
};

/** A refused upload is over: its object and its pending row go, the refusal is answered. */
const refuse = async (ctx: MediaContext, upload: UploadRow, error: unknown): Promise<never> => {
  if (isAppError(error) && error.code !== mediaErrors.MEDIA_UPLOAD_NOT_RECEIVED.code) {
    await removeFiles(ctx, [upload.key]);
    await inTenant(ctx, (w) => deleteUploadRow(w.tx, upload.id));
  }
  throw error;
};

/**
 * POST /media/uploads/{id}/complete: reads the object back and judges its bytes like an upload
 * through the server (a file lying about its type is refused and deleted), makes the variants,
 * then records the asset (its id is the upload's) and drops the pending upload in one transaction.
 */
export const completeUpload = async (ctx: MediaContext, id: string): Promise<MediaAsset> => {
  requirePermission(ctx, MEDIA_MANAGE);
  const upload = await inTenant(ctx, (w) => requireUpload(w, id));
  const stored = await fetchObject(ctx, upload)
    .then((bytes) => storeFiles(ctx, id, { bytes, declaredType: upload.declared_type, fileName: upload.file_name }, true))
    .catch((error: unknown) => refuse(ctx, upload, error));
  const asset = { id, key: upload.key, fileName: upload.file_name, alt: null, createdBy: ctx.actor.userId, ...stored };
  const claimed = async (w: ModuleTx) => {
    if (!(await claimUpload(w.tx, id))) throw notFound(id);
    await deleteUploadRow(w.tx, id);
  };
  return recordAsset(ctx, asset, [], claimed);
};
