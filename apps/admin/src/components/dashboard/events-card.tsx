import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { eventStatsQuery } from '../../api/events.js';
import { useFormat } from '../../i18n/format.js';
import { defineMessages, useMessages } from '../../i18n/messages.js';
import { Card, Pending } from './card.js';

const messages = defineMessages({
  en: {
    title: 'Events',
    loading: 'Loading the event backlog…',
    backlog: 'Waiting for delivery',
    oldest: 'Oldest waiting',
    deadLetters: 'Dead letters',
    none: '—',
    seconds: (s: number) => `${s} s`,
    details: 'Event system',
  },
  ru: {
    title: 'События',
    loading: 'Загружаем очередь событий…',
    backlog: 'Ждут доставки',
    oldest: 'Самое давнее ждёт',
    deadLetters: 'Недоставленные',
    none: '—',
    seconds: (s: number) => `${s} с`,
    details: 'Система событий',
  },
});

/** The platform's outbox: events waiting for delivery and dead letters. */
export const EventsCard = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const stats = useQuery(eventStatsQuery);
  return (
    <Card id="dashboard-events" title={t.title}>
      {stats.data ? (
        <>
          <dl className="facts">
            <dt>{t.backlog}</dt>
            <dd>{f.number(stats.data.backlog)}</dd>
            <dt>{t.oldest}</dt>
            <dd>{stats.data.oldestPendingAgeSeconds === null ? t.none : t.seconds(Math.round(stats.data.oldestPendingAgeSeconds))}</dd>
            <dt>{t.deadLetters}</dt>
            <dd>{f.number(stats.data.deadLetters)}</dd>
          </dl>
          <Link to="/system">{t.details}</Link>
        </>
      ) : (
        <Pending error={stats.error} loading={stats.isPending} text={t.loading} />
      )}
    </Card>
  );
};
