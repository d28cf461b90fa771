import { defineErrors } from '@rustok/kernel';

/** Every error code forum raises, with its status and title (see defineErrors in @rustok/kernel). */
export const forumErrors = defineErrors('forum', {
  FORUM_REPLY_NOT_FOUND: { status: 404, title: 'Not found' },
  FORUM_TOPIC_LOCKED: { status: 409, title: 'Conflict' },
  FORUM_TOPIC_NOT_FOUND: { status: 404, title: 'Not found' },
});
