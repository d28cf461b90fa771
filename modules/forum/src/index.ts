import { forumModule } from './module.js';

export type { ReplyCreatedPayload, TopicCreatedPayload } from './events.js';
export { FORUM_EVENT } from './events.js';
export { FORUM_PERMISSIONS, forumModule } from './module.js';
export default forumModule;
export * from './errors.js';
