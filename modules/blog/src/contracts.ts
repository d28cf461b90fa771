/** `@rustok/blog/contracts`: the blog's event types and their payloads. */
export type { CommentCreatedPayload, CommentModeratedPayload, ModerationStatus, PostPublishedPayload } from './events.js';
export { BLOG_EVENT } from './events.js';
