/** `@rustok/media/contracts`: what other modules may use: the module's event types and their payloads. */
export type { MediaAssetDeletedPayload, MediaAssetEventPayload, MediaAssetUpdatedPayload } from './events.js';
export { MEDIA_EVENT } from './events.js';
