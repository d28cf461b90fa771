import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { deadLettersQuery, eventStatsQuery, replayDeadLetter } from '../api/events.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { dateTime } from '../format.js';

const Stats = () => {
  const { data: stats } = useSuspenseQuery(eventStatsQuery);
  return (
    <>
      <dl className="facts" data-testid="event-stats">
        <dt>Transport</dt>
        <dd>
          {stats.transport} ({stats.reliabilityLevel})
        </dd>
        <dt>Backlog</dt>
        <dd>{stats.backlog}</dd>
        <dt>Oldest pending</dt>
        <dd>{stats.oldestPendingAgeSeconds === null ? '—' : `${Math.round(stats.oldestPendingAgeSeconds)} s`}</dd>
        <dt>Dead letters</dt>
        <dd>{stats.deadLetters}</dd>
      </dl>
      <table>
        <caption>Events by type</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Published</th>
            <th scope="col">Pending</th>
            <th scope="col">Retrying</th>
            <th scope="col">Dead</th>
          </tr>
        </thead>
        <tbody>
          {stats.byType.map((t) => (
            <tr key={t.type}>
              <td>{t.type}</td>
              <td>{t.published}</td>
              <td>{t.pending}</td>
              <td>{t.retrying}</td>
              <td>{t.dead}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

const DeadLetters = () => {
  const { data } = useSuspenseQuery(deadLettersQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: replayDeadLetter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
  return (
    <>
      <h2>Dead letters</h2>
      {replay.error ? <ErrorNotice error={replay.error} /> : null}
      {replay.data ? <p role="status">Replayed {replay.data.id}.</p> : null}
      {data.items.length === 0 ? (
        <p>No dead letters.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Failed consumers</th>
              <th scope="col">Last error</th>
              <th scope="col">Dead since</th>
              {can(me, 'events.admin.replay') ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.type}
                  <br />
                  <small>
                    {d.id}, {d.attempts} attempts
                  </small>
                </td>
                <td>{d.failedConsumers.join(', ')}</td>
                <td>{d.lastError}</td>
                <td>{dateTime(d.deadAt)}</td>
                {can(me, 'events.admin.replay') ? (
                  <td>
                    <button
                      type="button"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate(d.id)}
                      aria-label={`Replay ${d.type} ${d.id}`}
                    >
                      Replay
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

/** The platform's event system: backlog, counts per type, dead letters and their replay. */
export const System = () => (
  <>
    <h1>System</h1>
    <Stats />
    <DeadLetters />
  </>
);
