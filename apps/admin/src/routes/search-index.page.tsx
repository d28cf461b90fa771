import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { type IndexStatus, indexStatusQuery, requestRebuild } from '../api/search-index.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Search index',
    readModel: 'Read model',
    published: 'Published rows (every locale)',
    lastEvent: 'Last event',
    lastIndexed: 'Last indexed',
    products: 'Products',
    content: 'Content',
    rebuild: 'Rebuild the index',
    requested: 'Rebuild requested.',
    rebuilds: 'Rebuilds',
    noRebuilds: 'No rebuilds yet.',
    rows: (n: number) => plural('en', n, { one: '# row', other: '# rows' }),
    started: (when: string) => `started ${when}`,
    finished: (when: string) => `finished ${when}`,
    running: 'running',
  },
  ru: {
    title: 'Поисковый индекс',
    readModel: 'Модель чтения',
    published: 'Опубликованные строки (все языки)',
    lastEvent: 'Последнее событие',
    lastIndexed: 'Последняя индексация',
    products: 'Товары',
    content: 'Контент',
    rebuild: 'Перестроить индекс',
    requested: 'Перестройка запрошена.',
    rebuilds: 'Перестройки',
    noRebuilds: 'Перестроек ещё не было.',
    rows: (n: number) => plural('ru', n, { one: '# строка', few: '# строки', many: '# строк', other: '# строки' }),
    started: (when: string) => `начата ${when}`,
    finished: (when: string) => `завершена ${when}`,
    running: 'идёт',
  },
});

const Rebuilds = ({ runs }: { readonly runs: IndexStatus['rebuilds'] }) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  if (runs.length === 0) return <p>{t.noRebuilds}</p>;
  return (
    <ul data-testid="rebuilds">
      {runs.map((r) => (
        <li key={`${r.kind}-${r.startedAt}`}>
          {r.kind}
          {r.locale ? ` (${r.locale})` : ''}: {t.rows(r.processed)}, {t.started(dateTime(r.startedAt))},{' '}
          {r.finishedAt ? t.finished(dateTime(r.finishedAt)) : t.running}
        </li>
      ))}
    </ul>
  );
};

/** The tenant's storefront index: what each read model holds, how fresh it is, and its rebuilds. */
export const SearchIndex = () => {
  const t = useMessages(messages);
  const { dateTime, number } = useFormat();
  const when = (iso: string | null): string => (iso ? dateTime(iso) : '—');
  const { data: status } = useSuspenseQuery(indexStatusQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const rebuild = useMutation({
    mutationFn: requestRebuild,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indexStatusQuery.queryKey }),
  });
  const rows = [
    [t.products, status.products],
    [t.content, status.content],
  ] as const;
  return (
    <>
      <h1>{t.title}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.readModel}</th>
            <th scope="col">{t.published}</th>
            <th scope="col">{t.lastEvent}</th>
            <th scope="col">{t.lastIndexed}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, s]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{number(s.published)}</td>
              <td>{when(s.lastEventAt)}</td>
              <td>{when(s.lastIndexedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(me, 'index.rebuild.run') ? (
        <div className="row">
          <button type="button" disabled={rebuild.isPending} onClick={() => rebuild.mutate(['products', 'content'])}>
            {t.rebuild}
          </button>
        </div>
      ) : null}
      {rebuild.error ? <ErrorNotice error={rebuild.error} /> : null}
      {rebuild.isSuccess ? <p role="status">{t.requested}</p> : null}
      <h2>{t.rebuilds}</h2>
      <Rebuilds runs={status.rebuilds} />
    </>
  );
};
