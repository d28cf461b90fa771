import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexEntriesQuery, flexSchemaQuery } from '../api/flex.js';
import { can } from '../api/permissions.js';
import { EntryTable } from '../components/flex-entry-table.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All custom types',
    schema: 'Fields',
    title: (name: string) => `${name}: entries`,
    none: 'No entries yet.',
    create: 'New entry',
    more: 'More entries',
  },
  ru: {
    back: 'Все свои типы',
    schema: 'Поля',
    title: (name: string) => `${name}: записи`,
    none: 'Записей пока нет.',
    create: 'Новая запись',
    more: 'Ещё записи',
  },
});

/** A schema's entries, newest first, a page at a time, and a link to write a new one. */
export const FlexEntries = () => {
  const { slug } = getRouteApi('/app/flex/$slug/entries').useParams();
  const { data: schema } = useSuspenseQuery(flexSchemaQuery(slug));
  const list = useSuspenseInfiniteQuery(flexEntriesQuery(slug));
  const entries = list.data.pages.flatMap((page) => page.items);
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  return (
    <>
      <p>
        <Link to="/flex">{t.back}</Link>
        {' · '}
        <Link to="/flex/$slug" params={{ slug }}>
          {t.schema}
        </Link>
      </p>
      <h1>{t.title(schema.name)}</h1>
      {can(me, 'flex.entries.create') ? (
        <p>
          <Link to="/flex/$slug/entries/new" params={{ slug }}>
            {t.create}
          </Link>
        </p>
      ) : null}
      {entries.length === 0 ? <p>{t.none}</p> : <EntryTable schema={slug} fields={schema.fields} entries={entries} />}
      {list.hasNextPage ? (
        <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.more}
        </button>
      ) : null}
    </>
  );
};
