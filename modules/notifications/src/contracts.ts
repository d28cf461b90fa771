/** `@rustok/notifications/contracts`: what other modules may use: the module's event types and their payloads. */
export type { NotificationCreatedPayload, WebhookEndpointDisabledPayload, WebhookEndpointEventPayload } from './events.js';
export { NOTIFICATIONS_EVENT } from './events.js';
