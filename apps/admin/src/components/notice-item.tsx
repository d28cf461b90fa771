import type { NotificationView } from '../api/inbox.js';
import { adminPathOf } from '../api/inbox.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { unread: 'Unread', markRead: 'Mark read', open: 'Open' },
  ru: { unread: 'Не прочитано', markRead: 'Отметить прочитанным', open: 'Открыть' },
});

interface Props {
  readonly notice: NotificationView;
  readonly pending: boolean;
  readonly onRead: () => void;
  /** Opens the notice's link, an admin address (the notice is marked read on the way). */
  readonly onOpen: (link: string) => void;
}

/** One notice: its title (a link when it points into the admin), text and time; unread ones stand out and can be marked read. */
export const NoticeItem = ({ notice, pending, onRead, onOpen }: Props) => {
  const t = useMessages(messages);
  const f = useFormat();
  const unread = notice.readAt === null;
  const inAdmin = adminPathOf(notice.link) !== null;
  return (
    <li className={unread ? 'notice unread' : 'notice'} data-testid="notice">
      <div className="row">
        {unread ? <strong className="tag">{t.unread}</strong> : null}
        {inAdmin && notice.link ? (
          <a
            href={notice.link}
            onClick={(event) => {
              event.preventDefault();
              onOpen(notice.link ?? '');
            }}
          >
            {notice.title}
          </a>
        ) : (
          <strong>{notice.title}</strong>
        )}
        <small className="hint">{notice.createdAt ? f.dateTime(notice.createdAt) : ''}</small>
      </div>
      {notice.body ? <p>{notice.body}</p> : null}
      {unread ? (
        <button type="button" disabled={pending} onClick={onRead} aria-label={`${t.markRead}: ${notice.title}`}>
          {t.markRead}
        </button>
      ) : null}
    </li>
  );
};
