import { useInfiniteQuery } from '@tanstack/react-query';
import { scriptExecutionsQuery } from '../api/scripting.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { runStatusOf, scriptNames } from './script-messages.js';

const messages = defineMessages({
  en: {
    heading: 'Execution history',
    none: 'No runs yet (dry runs are not logged).',
    when: 'Started',
    trigger: 'Trigger',
    duration: 'Duration, ms',
    cpu: 'CPU, ms',
    error: 'Error',
    older: 'Show older runs',
  },
  ru: {
    heading: 'История запусков',
    none: 'Запусков пока не было (пробные запуски не записываются).',
    when: 'Начало',
    trigger: 'Триггер',
    duration: 'Длительность, мс',
    cpu: 'Процессор, мс',
    error: 'Ошибка',
    older: 'Показать более ранние запуски',
  },
});

/** While a run is queued the history asks every second; otherwise every few seconds, so runs by triggers show up. */
const refreshEvery = (statuses: readonly string[]): number => (statuses.includes('queued') ? 1_000 : 5_000);

/** The script's logged runs, newest first: status, trigger, version, duration, CPU and error code; older pages on demand. */
export const ScriptExecutions = ({ scriptId }: { readonly scriptId: string }) => {
  const t = useMessages(messages);
  const n = useMessages(scriptNames);
  const f = useFormat();
  const list = useInfiniteQuery({
    ...scriptExecutionsQuery(scriptId),
    refetchInterval: (query) => refreshEvery((query.state.data?.pages ?? []).flatMap((p) => p.items.map((e) => e.status))),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const figure = (value: number | null) => (value === null ? '' : f.number(value));
  return (
    <section aria-labelledby="executions">
      <h2 id="executions">{t.heading}</h2>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && items.length === 0 ? <p>{t.none}</p> : null}
      {items.length > 0 ? (
        <table data-testid="executions">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{n.status}</th>
              <th scope="col">{t.trigger}</th>
              <th scope="col">{n.version}</th>
              <th scope="col">{t.duration}</th>
              <th scope="col">{t.cpu}</th>
              <th scope="col">{t.error}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="execution">
                <td>{f.dateTime(e.createdAt)}</td>
                <td data-testid="execution-status">{runStatusOf(n, e.status)}</td>
                <td data-testid="execution-trigger">{e.trigger}</td>
                <td>{e.scriptVersion}</td>
                <td>{figure(e.durationMs)}</td>
                <td>{figure(e.cpuMs)}</td>
                <td>{e.errorCode ? <code>{e.errorCode}</code> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.hasNextPage ? (
        <p>
          <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t.older}
          </button>
        </p>
      ) : null}
    </section>
  );
};
