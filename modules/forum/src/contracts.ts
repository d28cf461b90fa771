/** `@rustok/forum/contracts`: the forum's event types and their payloads. */
export type { ReplyCreatedPayload, TopicCreatedPayload } from './events.js';
export { FORUM_EVENT } from './events.js';
