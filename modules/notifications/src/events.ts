import { type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const NOTIFICATIONS_EVENT = {
  endpointCreated: 'notifications.webhook_endpoint.created',
  endpointUpdated: 'notifications.webhook_endpoint.updated',
  endpointDeleted: 'notifications.webhook_endpoint.deleted',
  endpointDisabled: 'notifications.webhook_endpoint.disabled',
  notificationCreated: 'notifications.notification.created',
} as const;

export const WebhookEndpointEventPayload = Type.Object(
  {
    endpointId: Id(),
    url: Type.String({ maxLength: 2_000 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WebhookEndpointEventPayload = Static<typeof WebhookEndpointEventPayload>;

/** Why the platform turned an endpoint off: it answered 410 Gone, or failed too many attempts in a row. */
export const WebhookEndpointDisabledPayload = Type.Object(
  {
    endpointId: Id(),
    url: Type.String({ maxLength: 2_000 }),
    reason: Type.Union([Type.Literal('gone'), Type.Literal('failing')]),
    consecutiveFailures: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type WebhookEndpointDisabledPayload = Static<typeof WebhookEndpointDisabledPayload>;

/** An in-app notification was written for a user (its live streams are told). */
export const NotificationCreatedPayload = Type.Object(
  {
    notificationId: Id(),
    userId: Id(),
    kind: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type NotificationCreatedPayload = Static<typeof NotificationCreatedPayload>;

/** The events notifications publishes. A changed payload is a new schemaVersion, never an edit of a published one. */
export const notificationsEvents: readonly EventDeclaration[] = [
  {
    type: NOTIFICATIONS_EVENT.endpointCreated,
    schemaVersion: 1,
    description: 'A webhook endpoint was created',
    payload: WebhookEndpointEventPayload,
  },
  {
    type: NOTIFICATIONS_EVENT.endpointUpdated,
    schemaVersion: 1,
    description: 'A webhook endpoint was changed (URL, event types, headers, active flag or secret)',
    payload: WebhookEndpointEventPayload,
  },
  {
    type: NOTIFICATIONS_EVENT.endpointDeleted,
    schemaVersion: 1,
    description: 'A webhook endpoint was deleted',
    payload: WebhookEndpointEventPayload,
  },
  {
    type: NOTIFICATIONS_EVENT.endpointDisabled,
    schemaVersion: 1,
    description:
      "The platform disabled a webhook endpoint (410 Gone, or too many failed attempts in a row); the tenant's admins are to be told",
    payload: WebhookEndpointDisabledPayload,
  },
  {
    type: NOTIFICATIONS_EVENT.notificationCreated,
    schemaVersion: 1,
    description: "An in-app notification was written to a user's inbox",
    payload: NotificationCreatedPayload,
  },
];
