import { defineErrors } from '@rustok/kernel';

/** Every error code media raises, with its status and title (see defineErrors in @rustok/kernel). */
export const mediaErrors = defineErrors('media', {
  MEDIA_ASSET_NOT_FOUND: { status: 404, title: 'Not found' },
  MEDIA_VARIANT_NOT_FOUND: { status: 404, title: 'Not found' },
  MEDIA_UPLOAD_NOT_FOUND: { status: 404, title: 'Not found' },
  MEDIA_FILE_REQUIRED: { status: 422, title: 'No file in the upload' },
  MEDIA_FILE_EMPTY: { status: 422, title: 'The file is empty' },
  MEDIA_FILE_TOO_LARGE: { status: 413, title: 'The file is too large' },
  MEDIA_TYPE_MISMATCH: { status: 422, title: 'The file is not what its type or name says' },
  MEDIA_TYPE_NOT_ALLOWED: { status: 415, title: 'File type not allowed' },
  MEDIA_IMAGE_UNREADABLE: { status: 422, title: 'The image does not decode' },
  MEDIA_IMAGE_TOO_LARGE: { status: 422, title: 'The image has too many pixels' },
  MEDIA_DIRECT_UPLOAD_UNAVAILABLE: { status: 409, title: 'Direct uploads need the S3 driver' },
  MEDIA_UPLOAD_NOT_RECEIVED: { status: 409, title: 'The file has not arrived' },
});
