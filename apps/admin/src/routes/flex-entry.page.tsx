import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexEntryQuery, flexSchemaQuery, publishFlexEntry } from '../api/flex.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { EntryForm } from '../components/flex-entry-form.js';
import { entryMessages } from '../components/flex-entry-table.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All entries', title: (name: string) => `Entry of ${name}`, publish: 'Publish', published: 'Published on' },
  ru: { back: 'Все записи', title: (name: string) => `Запись: ${name}`, publish: 'Опубликовать', published: 'Опубликована' },
});

/** One entry: its status, publishing, and its form built from the schema's fields. */
export const FlexEntryEdit = () => {
  const { slug, id } = getRouteApi('/app/flex/$slug/entries/$id').useParams();
  const { data: schema } = useSuspenseQuery(flexSchemaQuery(slug));
  const { data: entry } = useSuspenseQuery(flexEntryQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  const s = useMessages(entryMessages);
  const f = useFormat();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => publishFlexEntry(id),
    onSuccess: (next) => {
      queryClient.setQueryData(flexEntryQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['flex', 'entries', slug] });
    },
  });
  return (
    <>
      <p>
        <Link to="/flex/$slug/entries" params={{ slug }}>
          {t.back}
        </Link>
      </p>
      <h1>{t.title(schema.name)}</h1>
      <dl className="facts">
        <dt>{s.status}</dt>
        <dd data-testid="entry-status">{s[entry.status]}</dd>
        {entry.publishedAt ? (
          <>
            <dt>{t.published}</dt>
            <dd>{f.dateTime(entry.publishedAt)}</dd>
          </>
        ) : null}
      </dl>
      {entry.status === 'draft' && can(me, 'flex.entries.publish') ? (
        <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
          {t.publish}
        </button>
      ) : null}
      {publish.error ? <ErrorNotice error={publish.error} /> : null}
      <EntryForm key={entry.id} schema={schema} entry={entry} onSaved={() => {}} />
    </>
  );
};
