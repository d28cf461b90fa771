import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { MEDIA_MANAGE, type MediaContext, requirePermission } from '../context.js';
import { mediaErrors } from '../errors.js';
import { CreateUploadInput, type DirectUpload } from '../schemas.js';
import { originalKey } from '../storage.js';
import { insertUpload } from '../store/uploads.js';
import { displayName } from './upload-asset.js';

/**
 * POST /media/uploads (S3 driver): a presigned PUT for a file of the announced type and exact size,
 * under the key of the asset it will become, and a pending upload. Nothing is trusted yet: the
 * completion reads the object back and judges its bytes.
 */
export const createUpload = async (ctx: MediaContext, raw: CreateUploadInput): Promise<DirectUpload> => {
  requirePermission(ctx, MEDIA_MANAGE);
  const input = parseInput(CreateUploadInput, raw) as CreateUploadInput;
  if (input.size > ctx.options.max_upload_bytes) {
    throw mediaErrors.MEDIA_FILE_TOO_LARGE(`A file may have at most ${ctx.options.max_upload_bytes} bytes`);
  }
  if (!ctx.options.allowed_types.includes(input.contentType)) {
    throw mediaErrors.MEDIA_TYPE_NOT_ALLOWED(`Allowed: ${ctx.options.allowed_types.join(', ')}`);
  }
  const id = generateId();
  const key = originalKey(ctx.tenantId, id);
  const expiresInS = ctx.options.s3.presign_expires_s;
  const presigned = await ctx.storage.presignPut(key, { contentType: input.contentType, contentLength: input.size, expiresInS });
  if (!presigned)
    throw mediaErrors.MEDIA_DIRECT_UPLOAD_UNAVAILABLE('This deployment stores files on its own disk: upload through POST /media');
  await inTenant(ctx, (w) =>
    insertUpload(w.tx, {
      id,
      key,
      fileName: displayName(input.fileName),
      declaredType: input.contentType,
      size: input.size,
      createdBy: ctx.actor.userId,
      expiresAt: presigned.expiresAt,
    }),
  );
  return {
    uploadId: id,
    url: presigned.url,
    method: presigned.method,
    headers: presigned.headers,
    expiresAt: presigned.expiresAt.toISOString(),
  };
};
