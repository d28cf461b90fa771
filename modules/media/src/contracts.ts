/**
 * `@rustok/media/contracts`: what other modules may use: the module's event types and their
 * payloads, and the read of image assets by id (product images, page blocks). Nothing here writes.
 */
export type { MediaAssetDeletedPayload, MediaAssetEventPayload, MediaAssetUpdatedPayload } from './events.js';
export { MEDIA_EVENT } from './events.js';
export { type MediaImageRef, type MediaImageSize, mediaImagesOf } from './store/references.js';
