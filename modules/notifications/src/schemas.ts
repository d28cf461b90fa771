import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** TypeBox schemas of the webhook API's inputs and outputs: REST validates with them, the use-cases parse with them. */

/** An event type an endpoint subscribes to: exact, a prefix with `.*`, or `*` for every event. */
export const EventTypePattern = () =>
  Type.String({ pattern: '^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?)$', minLength: 1, maxLength: 200 });
const Url = () => Type.String({ minLength: 8, maxLength: 2_000 });
const HeaderName = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$";
const Headers = () =>
  Type.Record(Type.String({ pattern: HeaderName }), Type.String({ maxLength: 1_000, pattern: '^[^\\r\\n\\x00]*$' }), {
    maxProperties: 20,
  });
const Description = () => Type.String({ maxLength: 500 });

export const WebhookEndpoint = Type.Object(
  {
    id: Id(),
    url: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    eventTypes: Type.Array(Type.String()),
    /** Names of the custom headers only: their values may be credentials and are never shown again. */
    headerNames: Type.Array(Type.String()),
    active: Type.Boolean(),
    disabledReason: Type.Union([Type.Literal('gone'), Type.Literal('failing'), Type.Null()]),
    disabledAt: Type.Union([Timestamp(), Type.Null()]),
    consecutiveFailures: Type.Integer(),
    /** While a rotation lasts, the old secret still signs (until this time). */
    previousSecretUntil: Type.Union([Timestamp(), Type.Null()]),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

/** An endpoint as created or rotated: the only answers that show the secret. */
export const WebhookEndpointWithSecret = Type.Composite([WebhookEndpoint, Type.Object({ secret: Type.String() })], {
  additionalProperties: false,
});
export type WebhookEndpointWithSecret = Static<typeof WebhookEndpointWithSecret>;

export const CreateEndpointInput = Type.Object(
  {
    url: Url(),
    description: Type.Optional(Description()),
    eventTypes: Type.Array(EventTypePattern(), { minItems: 1, maxItems: 100 }),
    headers: Type.Optional(Headers()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateEndpointInput = Static<typeof CreateEndpointInput>;

/** A change: what is given replaces what is there; `active: true` also clears a disabled endpoint's failures. */
export const UpdateEndpointInput = Type.Object(
  {
    url: Type.Optional(Url()),
    description: Type.Optional(Type.Union([Description(), Type.Null()])),
    eventTypes: Type.Optional(Type.Array(EventTypePattern(), { minItems: 1, maxItems: 100 })),
    headers: Type.Optional(Headers()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateEndpointInput = Static<typeof UpdateEndpointInput>;

export const RotateSecretInput = Type.Object(
  {
    /** How long the old secret keeps signing, in seconds (0: at once); default a day. */
    keepPreviousForSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 86_400 })),
  },
  { additionalProperties: false },
);
export type RotateSecretInput = Static<typeof RotateSecretInput>;

export const PageQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Id()) },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const EndpointList = Type.Object({ items: Type.Array(WebhookEndpoint), nextCursor: Type.Union([Id(), Type.Null()]) });
export type EndpointList = Static<typeof EndpointList>;

const Outcome = () => Type.Union([Type.Literal('delivered'), Type.Literal('gone'), Type.Literal('failed'), Type.Literal('refused')]);

export const WebhookAttempt = Type.Object(
  {
    id: Id(),
    at: Timestamp(),
    outcome: Outcome(),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    durationMs: Type.Integer(),
    /** The request's headers as sent (custom header values masked). */
    requestHeaders: Type.Record(Type.String(), Type.String()),
    responseExcerpt: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type WebhookAttempt = Static<typeof WebhookAttempt>;

export const WebhookDelivery = Type.Object(
  {
    id: Id(),
    endpointId: Id(),
    /** `webhook-id`: the same on every attempt and redelivery. */
    messageId: Type.String(),
    eventId: Type.Union([Id(), Type.Null()]),
    eventType: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('cancelled')]),
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Timestamp(), Type.Null()]),
    lastStatus: Type.Union([Type.Integer(), Type.Null()]),
    lastOutcome: Type.Union([Outcome(), Type.Null()]),
    createdAt: Timestamp(),
    deliveredAt: Type.Union([Timestamp(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const DeliveryList = Type.Object({ items: Type.Array(WebhookDelivery), nextCursor: Type.Union([Id(), Type.Null()]) });
export type DeliveryList = Static<typeof DeliveryList>;

/** One delivery with its body (the request as signed) and every attempt, oldest first. */
export const WebhookDeliveryDetail = Type.Composite(
  [WebhookDelivery, Type.Object({ payload: Type.String(), attemptLog: Type.Array(WebhookAttempt) })],
  { additionalProperties: false },
);
export type WebhookDeliveryDetail = Static<typeof WebhookDeliveryDetail>;
