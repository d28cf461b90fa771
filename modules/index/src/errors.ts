import { defineErrors } from '@rustok/kernel';

/** Every error code index raises, with its status and title (see defineErrors in @rustok/kernel). */
export const indexErrors = defineErrors('index', {
  INDEX_ARGUMENT_INVALID: { status: 400, title: 'Bad request' },
  INDEX_CONTENT_NOT_FOUND: { status: 404, title: 'Not found' },
  INDEX_CURSOR_INVALID: { status: 422, title: 'Validation failed' },
  INDEX_PRODUCT_NOT_FOUND: { status: 404, title: 'Not found' },
});
