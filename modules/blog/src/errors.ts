import { defineErrors } from '@rustok/kernel';

/** Every error code blog raises, with its status and title (see defineErrors in @rustok/kernel). */
export const blogErrors = defineErrors('blog', {
  BLOG_COMMENT_NOT_FOUND: { status: 404, title: 'Not found' },
  BLOG_COMMENT_REPLY_INVALID: { status: 422, title: 'Validation failed' },
  BLOG_POST_NOT_FOUND: { status: 404, title: 'Not found' },
  BLOG_POST_NOT_PUBLISHED: { status: 409, title: 'Conflict' },
});
