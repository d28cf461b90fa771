import { apiErrors } from '@rustok/api';
import type { FastifyRequest } from 'fastify';
import { mediaErrors } from '../errors.js';
import type { UploadInput } from '../use-cases/upload-asset.js';

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

const tooLarge = (maxBytes: number) => mediaErrors.MEDIA_FILE_TOO_LARGE(`A file may have at most ${maxBytes} bytes`);

/** A body the multipart parser cannot read (cut short, a broken part header, too many parts) is the client's: 400. */
const unreadable = (error: unknown) =>
  apiErrors.REQUEST_MALFORMED(`The multipart body cannot be read: ${error instanceof Error ? error.message : String(error)}`);

/** A text field sent before the file (`alt`), if any. */
const fieldValue = (fields: Record<string, unknown>, name: string): string | undefined => {
  const field = fields[name];
  return field && typeof field === 'object' && 'value' in field && typeof field.value === 'string' ? field.value : undefined;
};

/**
 * The one file of a multipart request (field `file`; an `alt` field before it), read as it streams
 * in and cut off past `maxBytes` (413 at once, the rest of the request unread).
 */
export const readUpload = async (request: FastifyRequest, maxBytes: number): Promise<UploadInput> => {
  const limits = { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 4_096, parts: 6 };
  const part = await request.file({ limits }).catch((error: unknown) => {
    if (codeOf(error) === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw mediaErrors.MEDIA_FILE_REQUIRED('Send the file as multipart/form-data, in the field "file"');
    }
    throw unreadable(error);
  });
  if (part?.fieldname !== 'file') throw mediaErrors.MEDIA_FILE_REQUIRED('No file in the field "file"');
  const bytes = await part.toBuffer().catch((error: unknown) => {
    throw codeOf(error) === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(maxBytes) : unreadable(error);
  });
  return {
    bytes,
    declaredType: part.mimetype,
    fileName: part.filename,
    alt: fieldValue(part.fields as Record<string, unknown>, 'alt'),
  };
};
