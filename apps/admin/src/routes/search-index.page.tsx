import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { indexStatusQuery, requestRebuild } from '../api/search-index.js';
import { ErrorNotice } from '../components/error-notice.js';
import { dateTime } from '../format.js';

const when = (iso: string | null): string => (iso ? dateTime(iso) : '—');

/** The tenant's storefront index: what each read model holds, how fresh it is, and its rebuilds. */
export const SearchIndex = () => {
  const { data: status } = useSuspenseQuery(indexStatusQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const rebuild = useMutation({
    mutationFn: requestRebuild,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indexStatusQuery.queryKey }),
  });
  const rows = [
    ['Products', status.products],
    ['Content', status.content],
  ] as const;
  return (
    <>
      <h1>Search index</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Read model</th>
            <th scope="col">Published rows (every locale)</th>
            <th scope="col">Last event</th>
            <th scope="col">Last indexed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, s]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{s.published}</td>
              <td>{when(s.lastEventAt)}</td>
              <td>{when(s.lastIndexedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(me, 'index.rebuild.run') ? (
        <div className="row">
          <button type="button" disabled={rebuild.isPending} onClick={() => rebuild.mutate(['products', 'content'])}>
            Rebuild the index
          </button>
        </div>
      ) : null}
      {rebuild.error ? <ErrorNotice error={rebuild.error} /> : null}
      {rebuild.isSuccess ? <p role="status">Rebuild requested.</p> : null}
      <h2>Rebuilds</h2>
      {status.rebuilds.length === 0 ? (
        <p>No rebuilds yet.</p>
      ) : (
        <ul data-testid="rebuilds">
          {status.rebuilds.map((r) => (
            <li key={`${r.kind}-${r.startedAt}`}>
              {r.kind}
              {r.locale ? ` (${r.locale})` : ''}: {r.processed} rows, started {when(r.startedAt)},{' '}
              {r.finishedAt ? `finished ${when(r.finishedAt)}` : 'running'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
