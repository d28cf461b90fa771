import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

/** A notice in the signed-in user's own inbox. */
export interface NotificationView {
  readonly id: string;
  /** What it is about (`webhooks.endpoint_disabled`, `orders.placed`). */
  readonly kind: string;
  readonly title: string;
  readonly body: string | null;
  /** A path in the tenant's admin or storefront. */
  readonly link: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** A kind of notice as the tenant set it: on or off, and whose holders are told. */
export interface InboxKindView {
  readonly kind: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly permission: string;
  readonly defaultPermission: string;
}

const NoticeFields = graphql(`
  fragment NotificationFields on Notification { id kind title body link createdAt readAt }
`);

const NoticesDocument = graphql(
  `
  query MyNotifications($first: Int, $after: String) {
    myNotifications(first: $first, after: $after) { items { ...NotificationFields } nextCursor }
  }
`,
  [NoticeFields],
);

const UnreadDocument = graphql(`
  query MyUnreadNotificationCount {
    myUnreadNotificationCount
  }
`);

const MarkReadDocument = graphql(
  `
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) { ...NotificationFields }
  }
`,
  [NoticeFields],
);

const MarkAllReadDocument = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

const KindFields = graphql(`
  fragment InboxKindFields on InboxSettings { kinds { kind description enabled permission defaultPermission } }
`);

const SettingsDocument = graphql(
  `
  query InboxSettingsDetail {
    inboxSettings { ...InboxKindFields }
  }
`,
  [KindFields],
);

const UpdateSettingsDocument = graphql(
  `
  mutation UpdateInboxSettings($kinds: [InboxKindSettingInput!]!) {
    updateInboxSettings(kinds: $kinds) { ...InboxKindFields }
  }
`,
  [KindFields],
);

type NoticeNode = ResultOf<typeof NoticeFields>;

/** A notice from the API (GraphQL, or the live stream's JSON). */
export const noticeOf = (n: Partial<NoticeNode> | null | undefined): NotificationView => ({
  id: n?.id ?? '',
  kind: n?.kind ?? '',
  title: n?.title ?? '',
  body: n?.body ?? null,
  link: n?.link ?? null,
  createdAt: n?.createdAt ?? '',
  readAt: n?.readAt ?? null,
});

const kindsOf = (s: ResultOf<typeof KindFields> | null | undefined): InboxKindView[] =>
  (s?.kinds ?? []).map((k) => ({
    kind: k.kind ?? '',
    description: k.description ?? '',
    enabled: k.enabled ?? true,
    permission: k.permission ?? k.defaultPermission ?? '',
    defaultPermission: k.defaultPermission ?? '',
  }));

/** Every query of the inbox starts with this key (refreshed together when notices come or are read). */
export const INBOX_KEY = ['inbox'] as const;

export const unreadCountQuery = queryOptions({
  queryKey: [...INBOX_KEY, 'unread'],
  queryFn: async () => (await gql(UnreadDocument)).myUnreadNotificationCount ?? 0,
});

/** Notices the list loads at a time. */
export const NOTICE_PAGE_SIZE = 25;

export interface NoticePage {
  readonly items: readonly NotificationView[];
  readonly nextCursor: string | null;
}

/** The user's notices, newest first, a page at a time. */
export const noticesQuery = infiniteQueryOptions({
  queryKey: [...INBOX_KEY, 'notices'],
  initialPageParam: null as string | null,
  queryFn: async ({ pageParam }): Promise<NoticePage> => {
    const list = (await gql(NoticesDocument, { first: NOTICE_PAGE_SIZE, after: pageParam })).myNotifications;
    return { items: (list?.items ?? []).map(noticeOf), nextCursor: list?.nextCursor ?? null };
  },
  getNextPageParam: (last: NoticePage) => last.nextCursor ?? undefined,
});

export const inboxSettingsQuery = queryOptions({
  queryKey: ['inbox-settings'],
  queryFn: async () => kindsOf((await gql(SettingsDocument)).inboxSettings),
});

export const markNotificationRead = async (id: string): Promise<NotificationView> =>
  noticeOf((await gql(MarkReadDocument, { id })).markNotificationRead);

/** How many were unread. */
export const markAllNotificationsRead = async (): Promise<number> => (await gql(MarkAllReadDocument)).markAllNotificationsRead ?? 0;

/** What the settings send: every kind, on or off, and the permission whose holders are told. */
export const inboxSettingsInputOf = (kinds: readonly InboxKindView[]) => ({
  kinds: kinds.map(({ kind, enabled, permission }) => ({ kind, enabled, ...(permission ? { permission } : {}) })),
});

export const updateInboxSettings = async (kinds: readonly InboxKindView[]): Promise<InboxKindView[]> =>
  kindsOf((await gql(UpdateSettingsDocument, inboxSettingsInputOf(kinds))).updateInboxSettings);

/** The admin path of a notice's link (`/admin/orders/…` → `/orders/…`); null for a link elsewhere (the storefront). */
export const adminPathOf = (link: string | null): string | null => {
  if (!link?.startsWith('/admin/')) return null;
  const path = link.slice('/admin'.length);
  return path.startsWith('//') ? null : path;
};
