import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** TypeBox schemas of the in-app notifications API: a user's inbox and the tenant's choice of who is told what. */

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Kind = () => Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 100 });
const Permission = () => Type.String({ pattern: '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$', maxLength: 200 });

export const Notification = Type.Object(
  {
    id: Id(),
    /** What it is about (`webhooks.endpoint_disabled`, `orders.placed`): a client may word it itself from `data`. */
    kind: Type.String(),
    title: Type.String(),
    body: Nullable(Type.String()),
    /** A path in the tenant's admin or storefront (`/admin/orders/…`). */
    link: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    createdAt: Timestamp(),
    readAt: Nullable(Timestamp()),
  },
  { additionalProperties: false },
);
export type Notification = Static<typeof Notification>;

export const InboxQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Id()),
    /** Only the unread ones. */
    unread: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const NotificationList = Type.Object({ items: Type.Array(Notification), nextCursor: Type.Union([Id(), Type.Null()]) });
export type NotificationList = Static<typeof NotificationList>;

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type UnreadCount = Static<typeof UnreadCount>;

/** One kind of notice as the tenant set it: on or off, and whose holders are told. */
export const InboxKindSetting = Type.Object(
  {
    kind: Kind(),
    enabled: Type.Boolean(),
    /** The permission whose holders (active staff of the tenant) receive it; the kind's default when absent. */
    permission: Type.Optional(Permission()),
  },
  { additionalProperties: false },
);
export type InboxKindSetting = Static<typeof InboxKindSetting>;

/** PUT body: replaces the tenant's choices whole (a kind not listed is on, to its default recipients). */
export const InboxSettingsInput = Type.Object({ kinds: Type.Array(InboxKindSetting, { maxItems: 50 }) }, { additionalProperties: false });
export type InboxSettingsInput = Static<typeof InboxSettingsInput>;

export const InboxKindInfo = Type.Object({
  kind: Type.String(),
  description: Type.String(),
  /** The event that makes it. */
  eventType: Type.String(),
  enabled: Type.Boolean(),
  permission: Type.String(),
  defaultPermission: Type.String(),
});
export type InboxKindInfo = Static<typeof InboxKindInfo>;

/** Every kind the deployment can make, with the tenant's choice applied. */
export const InboxSettings = Type.Object({ kinds: Type.Array(InboxKindInfo) });
export type InboxSettings = Static<typeof InboxSettings>;
