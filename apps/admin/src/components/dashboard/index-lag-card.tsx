import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { indexStatusQuery } from '../../api/search-index.js';
import { useFormat } from '../../i18n/format.js';
import { defineMessages, plural, useMessages } from '../../i18n/messages.js';
import { Card, Pending } from './card.js';

const messages = defineMessages({
  en: {
    title: 'Search index',
    loading: 'Loading the index…',
    products: 'Products',
    content: 'Content',
    empty: 'nothing indexed yet',
    lag: (s: number, when: string) => `latest event ${when}, indexed ${plural('en', s, { one: '# second', other: '# seconds' })} after it`,
    rebuilding: (kind: string) => `Rebuild of ${kind} running`,
    details: 'Index details',
  },
  ru: {
    title: 'Поисковый индекс',
    loading: 'Загружаем индекс…',
    products: 'Товары',
    content: 'Контент',
    empty: 'пока ничего не проиндексировано',
    lag: (s: number, when: string) =>
      `последнее событие ${when}, проиндексировано через ${plural('ru', s, { one: '# секунду', few: '# секунды', many: '# секунд', other: '# секунды' })}`,
    rebuilding: (kind: string) => `Идёт перестроение: ${kind}`,
    details: 'Подробнее об индексе',
  },
});

/** Seconds from the newest event a read model holds to its last indexing; null before anything is indexed. */
export const lagSeconds = (lastEventAt: string | null, lastIndexedAt: string | null): number | null =>
  lastEventAt && lastIndexedAt ? Math.max(0, Math.round((Date.parse(lastIndexedAt) - Date.parse(lastEventAt)) / 1000)) : null;

/** How long each storefront read model took to take in its newest event, and rebuilds running now. */
export const IndexLagCard = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const status = useQuery(indexStatusQuery);
  const describe = (lastEventAt: string | null, lastIndexedAt: string | null): string => {
    const lag = lagSeconds(lastEventAt, lastIndexedAt);
    return lag === null || !lastEventAt ? t.empty : t.lag(lag, f.dateTime(lastEventAt));
  };
  return (
    <Card id="dashboard-index" title={t.title}>
      {status.data ? (
        <>
          <dl className="facts">
            <dt>{t.products}</dt>
            <dd>{describe(status.data.products.lastEventAt, status.data.products.lastIndexedAt)}</dd>
            <dt>{t.content}</dt>
            <dd>{describe(status.data.content.lastEventAt, status.data.content.lastIndexedAt)}</dd>
          </dl>
          {status.data.rebuilds
            .filter((r) => !r.finishedAt)
            .map((r) => (
              <p key={`${r.kind}-${r.startedAt}`} className="hint">
                {t.rebuilding(r.kind)}: {f.number(r.processed)}
              </p>
            ))}
          <Link to="/search-index">{t.details}</Link>
        </>
      ) : (
        <Pending error={status.error} loading={status.isPending} text={t.loading} />
      )}
    </Card>
  );
};
