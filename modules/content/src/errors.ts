import { defineErrors } from '@rustok/kernel';

/** Every error code content raises, with its status and title (see defineErrors in @rustok/kernel). */
export const contentErrors = defineErrors('content', {
  CONTENT_CATEGORY_NOT_FOUND: { status: 404, title: 'Not found' },
  CONTENT_INVALID_TRANSITION: { status: 409, title: 'Conflict' },
  CONTENT_LOCALE_UNSUPPORTED: { status: 422, title: 'Validation failed' },
  CONTENT_NODE_NOT_FOUND: { status: 404, title: 'Not found' },
  CONTENT_REVISION_NOT_FOUND: { status: 404, title: 'Not found' },
  CONTENT_SLUG_TAKEN: { status: 409, title: 'Conflict' },
  CONTENT_TOO_DEEP: { status: 422, title: 'Unprocessable content' },
});
