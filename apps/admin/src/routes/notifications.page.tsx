import { useMutation, useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { INBOX_KEY, markAllNotificationsRead, markNotificationRead, noticesQuery } from '../api/inbox.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { NoticeItem } from '../components/notice-item.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Notifications',
    intro: 'What happened in this shop that concerns you, newest first.',
    none: 'No notifications.',
    markAll: 'Mark all read',
    more: 'More notifications',
    settings: 'Who is notified of what',
  },
  ru: {
    title: 'Уведомления',
    intro: 'Что произошло в магазине и касается вас — сначала новые.',
    none: 'Уведомлений нет.',
    markAll: 'Отметить все прочитанными',
    more: 'Ещё уведомления',
    settings: 'Кого о чём уведомлять',
  },
});

/** Marking read (one or all); the list and the count are refreshed after either. */
const useMarks = () => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: INBOX_KEY });
  return {
    one: useMutation({ mutationFn: markNotificationRead, onSuccess: refresh }),
    all: useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh }),
  };
};

/** The user's own notices: unread ones highlighted, each marked read on its own or all at once; a link opens its admin screen. */
export const Notifications = () => {
  const t = useMessages(messages);
  const router = useRouter();
  const list = useSuspenseInfiniteQuery(noticesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const marks = useMarks();
  const notices = list.data.pages.flatMap((p) => p.items);
  // The link is the address as the browser shows it (with the admin's base path).
  const open = (id: string, unread: boolean, link: string) => {
    if (unread) marks.one.mutate(id);
    router.history.push(link);
  };
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {can(me, 'notifications.inbox.manage') ? (
        <p>
          <Link to="/notifications/settings">{t.settings}</Link>
        </p>
      ) : null}
      {notices.some((n) => n.readAt === null) ? (
        <p>
          <button type="button" disabled={marks.all.isPending} onClick={() => marks.all.mutate()}>
            {t.markAll}
          </button>
        </p>
      ) : null}
      {[marks.one.error, marks.all.error].map((error, n) => (error ? <ErrorNotice key={n === 0 ? 'one' : 'all'} error={error} /> : null))}
      {notices.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="notices" aria-label={t.title}>
          {notices.map((n) => (
            <NoticeItem
              key={n.id}
              notice={n}
              pending={marks.one.isPending && marks.one.variables === n.id}
              onRead={() => marks.one.mutate(n.id)}
              onOpen={(link) => open(n.id, n.readAt === null, link)}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.more}
        </button>
      ) : null}
    </>
  );
};
