import { Link } from '@tanstack/react-router';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';
import { useUnreadCount } from './use-unread-count.js';

const messages = defineMessages({
  en: {
    notifications: 'Notifications',
    unread: (n: number) => plural('en', n, { one: '# unread', other: '# unread' }),
  },
  ru: {
    notifications: 'Уведомления',
    unread: (n: number) =>
      plural('ru', n, { one: '# непрочитанное', few: '# непрочитанных', many: '# непрочитанных', other: '# непрочитанного' }),
  },
});

const BellIcon = () => (
  <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
    <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
    <path d="M13.7 21a2 2 0 0 1-3.4 0" />
  </svg>
);

/** The header's bell: the user's notices, with the unread count (live) as a badge. */
export const InboxBell = () => {
  const t = useMessages(messages);
  const count = useUnreadCount(true) ?? 0;
  const label = count > 0 ? `${t.notifications}: ${t.unread(count)}` : t.notifications;
  return (
    <Link to="/notifications" className="bell" aria-label={label} activeProps={{ 'aria-current': 'page' }}>
      <BellIcon />
      {count > 0 ? (
        <span className="badge" data-testid="unread-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
};
