import { connectionType, type GraphQLBuilder, pageOf } from '@rustok/kernel';
import { graphqlNotificationsContextOf as contextOf } from '../context.js';
import type { InboxKindInfo, InboxSettings, Notification } from '../schemas-inbox.js';
import { listNotifications } from '../use-cases/inbox-list.js';
import { markAllNotificationsRead } from '../use-cases/inbox-mark-all-read.js';
import { markNotificationRead } from '../use-cases/inbox-mark-read.js';
import { getInboxSettings, putInboxSettings } from '../use-cases/inbox-settings.js';
import { unreadCount } from '../use-cases/inbox-unread.js';

const own = { authenticated: true };
const manage = { permission: 'notifications.inbox.manage' };

const addTypes = (builder: GraphQLBuilder) => {
  const Item = builder.objectRef<Notification>('Notification').implement({
    description: "An in-app notice in the caller's own inbox",
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.exposeString('kind', { description: 'What it is about (webhooks.endpoint_disabled, orders.placed)' }),
      title: t.exposeString('title'),
      body: t.exposeString('body', { nullable: true }),
      link: t.exposeString('link', { nullable: true, description: "A path in the tenant's admin or storefront" }),
      data: t.field({ type: 'JSON', resolve: (n) => n.data }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    }),
  });
  const Kind = builder.objectRef<InboxKindInfo>('InboxKindSetting').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      description: t.exposeString('description'),
      eventType: t.exposeString('eventType'),
      enabled: t.exposeBoolean('enabled'),
      permission: t.exposeString('permission', { description: 'Its recipients: the active users holding this permission' }),
      defaultPermission: t.exposeString('defaultPermission'),
    }),
  });
  const Settings = builder.objectRef<InboxSettings>('InboxSettings').implement({
    fields: (t) => ({ kinds: t.field({ type: [Kind], resolve: (s) => s.kinds }) }),
  });
  const KindInput = builder.inputType('InboxKindSettingInput', {
    fields: (t) => ({ kind: t.string({ required: true }), enabled: t.boolean({ required: true }), permission: t.string() }),
  });
  return { Connection: connectionType(builder, 'NotificationConnection', Item), Item, Settings, KindInput };
};

type Types = ReturnType<typeof addTypes>;

const addQueries = (builder: GraphQLBuilder, types: Types) => {
  builder.queryField('myNotifications', (t) =>
    t.field({
      type: types.Connection,
      authScopes: own,
      description: "The caller's own notifications, newest first",
      args: { first: t.arg.int(), after: t.arg.string(), unread: t.arg.boolean({ description: 'Only the unread ones' }) },
      resolve: (_r, args, ctx) => listNotifications(contextOf(ctx), { ...pageOf(args), ...(args.unread ? { unread: true } : {}) }),
    }),
  );
  builder.queryField('myUnreadNotificationCount', (t) =>
    t.int({ authScopes: own, resolve: async (_r, _a, ctx) => (await unreadCount(contextOf(ctx))).count }),
  );
  builder.queryField('inboxSettings', (t) =>
    t.field({ type: types.Settings, authScopes: manage, resolve: (_r, _a, ctx) => getInboxSettings(contextOf(ctx)) }),
  );
};

const addMutations = (builder: GraphQLBuilder, types: Types) => {
  builder.mutationField('markNotificationRead', (t) =>
    t.field({
      type: types.Item,
      authScopes: own,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => markNotificationRead(contextOf(ctx), String(args.id)),
    }),
  );
  builder.mutationField('markAllNotificationsRead', (t) =>
    t.int({
      authScopes: own,
      description: 'How many were unread',
      resolve: async (_r, _a, ctx) => (await markAllNotificationsRead(contextOf(ctx))).marked,
    }),
  );
  builder.mutationField('updateInboxSettings', (t) =>
    t.field({
      type: types.Settings,
      authScopes: manage,
      description: "Replaces the tenant's choices whole (a kind not listed is on, to its default recipients)",
      args: { kinds: t.arg({ type: [types.KindInput], required: true }) },
      resolve: (_r, args, ctx) =>
        putInboxSettings(contextOf(ctx), {
          kinds: args.kinds.map((k) => ({ kind: k.kind, enabled: k.enabled, ...(k.permission ? { permission: k.permission } : {}) })),
        }),
    }),
  );
};

/** In-app notifications over GraphQL: the caller's inbox and the tenant's choices, over the REST routes' use-cases. */
export const inboxGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
};
