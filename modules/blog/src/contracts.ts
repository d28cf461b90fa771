/** `@rustok/blog/contracts`: the blog's event types and their payloads, and the read of a comment for the mail to its author. */

export { type CommentForMail, loadCommentForMail } from './comment-for-mail.js';
export type { CommentCreatedPayload, CommentModeratedPayload, ModerationStatus, PostPublishedPayload } from './events.js';
export { BLOG_EVENT } from './events.js';
