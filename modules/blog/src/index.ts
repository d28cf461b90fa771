import { blogModule } from './module.js';

export type { CommentCreatedPayload, CommentModeratedPayload, ModerationStatus, PostPublishedPayload } from './events.js';
export { BLOG_EVENT } from './events.js';
export { BLOG_PERMISSIONS, blogModule } from './module.js';
export default blogModule;
export * from './errors.js';
