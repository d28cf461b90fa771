import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { type MailLogPage, mailLogQuery } from '../api/mail.js';
import { can } from '../api/permissions.js';
import { MailLogTable } from '../components/mail-log-table.js';
import { MailTabs } from '../components/mail-tabs.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { title: 'Send log', none: 'No mails yet.', more: 'More mails' },
  ru: { title: 'Журнал отправки', none: 'Писем пока нет.', more: 'Ещё письма' },
});

/** While a mail waits to be sent the log asks every second; otherwise every few seconds, so new mails show up. */
const refreshEvery = (pages: readonly MailLogPage[] | undefined): number =>
  pages?.some((p) => p.items.some((m) => m.status === 'pending')) ? 1_000 : 5_000;

/** The tenant's mails, newest first: sent, waiting (with attempts so far), failed or bounced with why. */
export const MailLog = () => {
  const t = useMessages(messages);
  const { data: me } = useSuspenseQuery(meQuery);
  const list = useSuspenseInfiniteQuery({ ...mailLogQuery, refetchInterval: (query) => refreshEvery(query.state.data?.pages) });
  const mails = list.data.pages.flatMap((p) => p.items);
  return (
    <>
      <h1>{t.title}</h1>
      <MailTabs manage={can(me, 'notifications.mail.manage')} />
      {mails.length === 0 ? <p>{t.none}</p> : <MailLogTable mails={mails} />}
      {list.hasNextPage ? (
        <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.more}
        </button>
      ) : null}
    </>
  );
};
