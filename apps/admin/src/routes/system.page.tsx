import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { type DeadLetter, deadLettersQuery, eventStatsQuery, replayDeadLetter } from '../api/events.js';
import { can } from '../api/permissions.js';
import { ErrorCatalogue } from '../components/error-catalogue.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'System',
    transport: 'Transport',
    backlog: 'Backlog',
    oldestPending: 'Oldest pending',
    seconds: (s: string) => `${s} s`,
    deadLetters: 'Dead letters',
    byType: 'Events by type',
    type: 'Type',
    published: 'Published',
    pending: 'Pending',
    retrying: 'Retrying',
    dead: 'Dead',
    replayed: (id: string) => `Replayed ${id}.`,
    noDeadLetters: 'No dead letters.',
    event: 'Event',
    failedConsumers: 'Failed consumers',
    lastError: 'Last error',
    deadSince: 'Dead since',
    actions: 'Actions',
    attempts: (n: number) => plural('en', n, { one: '# attempt', other: '# attempts' }),
    replay: 'Replay',
    replayEvent: (type: string, id: string) => `Replay ${type} ${id}`,
  },
  ru: {
    title: 'Система',
    transport: 'Транспорт',
    backlog: 'Очередь',
    oldestPending: 'Старейшее ожидающее',
    seconds: (s: string) => `${s} с`,
    deadLetters: 'Недоставленные события',
    byType: 'События по типам',
    type: 'Тип',
    published: 'Опубликовано',
    pending: 'Ожидают',
    retrying: 'Повторяются',
    dead: 'Не доставлены',
    replayed: (id: string) => `Событие ${id} отправлено повторно.`,
    noDeadLetters: 'Недоставленных событий нет.',
    event: 'Событие',
    failedConsumers: 'Сбойные потребители',
    lastError: 'Последняя ошибка',
    deadSince: 'Не доставлено с',
    actions: 'Действия',
    attempts: (n: number) => plural('ru', n, { one: '# попытка', few: '# попытки', many: '# попыток', other: '# попытки' }),
    replay: 'Повторить',
    replayEvent: (type: string, id: string) => `Повторить ${type} ${id}`,
  },
});

const Stats = () => {
  const t = useMessages(messages);
  const { number } = useFormat();
  const { data: stats } = useSuspenseQuery(eventStatsQuery);
  const oldest = stats.oldestPendingAgeSeconds;
  return (
    <>
      <dl className="facts" data-testid="event-stats">
        <dt>{t.transport}</dt>
        <dd>
          {stats.transport} ({stats.reliabilityLevel})
        </dd>
        <dt>{t.backlog}</dt>
        <dd>{number(stats.backlog)}</dd>
        <dt>{t.oldestPending}</dt>
        <dd>{oldest === null ? '—' : t.seconds(number(Math.round(oldest)))}</dd>
        <dt>{t.deadLetters}</dt>
        <dd>{number(stats.deadLetters)}</dd>
      </dl>
      <table>
        <caption>{t.byType}</caption>
        <thead>
          <tr>
            <th scope="col">{t.type}</th>
            <th scope="col">{t.published}</th>
            <th scope="col">{t.pending}</th>
            <th scope="col">{t.retrying}</th>
            <th scope="col">{t.dead}</th>
          </tr>
        </thead>
        <tbody>
          {stats.byType.map((row) => (
            <tr key={row.type}>
              <td>{row.type}</td>
              <td>{number(row.published)}</td>
              <td>{number(row.pending)}</td>
              <td>{number(row.retrying)}</td>
              <td>{number(row.dead)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

interface RowProps {
  readonly letter: DeadLetter;
  /** Absent without the permission to replay. */
  readonly onReplay?: (id: string) => void;
  readonly replaying: boolean;
}

const DeadLetterRow = ({ letter: d, onReplay, replaying }: RowProps) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  return (
    <tr>
      <td>
        {d.type}
        <br />
        <small>
          {d.id}, {t.attempts(d.attempts)}
        </small>
      </td>
      <td>{d.failedConsumers.join(', ')}</td>
      <td>{d.lastError}</td>
      <td>{dateTime(d.deadAt)}</td>
      {onReplay ? (
        <td>
          <button type="button" disabled={replaying} onClick={() => onReplay(d.id)} aria-label={t.replayEvent(d.type, d.id)}>
            {t.replay}
          </button>
        </td>
      ) : null}
    </tr>
  );
};

const DeadLetters = () => {
  const t = useMessages(messages);
  const { data } = useSuspenseQuery(deadLettersQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: replayDeadLetter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
  const mayReplay = can(me, 'events.admin.replay');
  return (
    <>
      <h2>{t.deadLetters}</h2>
      {replay.error ? <ErrorNotice error={replay.error} /> : null}
      {replay.data ? <p role="status">{t.replayed(replay.data.id)}</p> : null}
      {data.items.length === 0 ? (
        <p>{t.noDeadLetters}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.event}</th>
              <th scope="col">{t.failedConsumers}</th>
              <th scope="col">{t.lastError}</th>
              <th scope="col">{t.deadSince}</th>
              {mayReplay ? <th scope="col">{t.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <DeadLetterRow key={d.id} letter={d} onReplay={mayReplay ? replay.mutate : undefined} replaying={replay.isPending} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

/** The platform's event system (backlog, counts per type, dead letters and their replay) and the error catalogue. */
export const System = () => {
  const t = useMessages(messages);
  return (
    <>
      <h1>{t.title}</h1>
      <Stats />
      <DeadLetters />
      <ErrorCatalogue />
    </>
  );
};
