import { type InfiniteData, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import {
  deleteFlexEntry,
  type FlexEntryPage,
  type FlexEntryView,
  flexEntriesQuery,
  flexEntryQuery,
  flexSchemaQuery,
  publishFlexEntry,
  unpublishFlexEntry,
} from '../api/flex.js';
import { can } from '../api/permissions.js';
import { ConfirmAction } from '../components/confirm-action.js';
import { ErrorNotice } from '../components/error-notice.js';
import { EntryForm } from '../components/flex-entry-form.js';
import { entryMessages } from '../components/flex-entry-table.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All entries',
    title: (name: string) => `Entry of ${name}`,
    publish: 'Publish',
    unpublish: 'Unpublish',
    published: 'Published on',
    remove: 'Delete entry',
    question: 'Delete this entry? It leaves the storefront at once and cannot be brought back.',
    confirm: 'Delete',
  },
  ru: {
    back: 'Все записи',
    title: (name: string) => `Запись: ${name}`,
    publish: 'Опубликовать',
    unpublish: 'Снять с публикации',
    published: 'Опубликована',
    remove: 'Удалить запись',
    question: 'Удалить эту запись? Она сразу исчезнет с витрины, вернуть её будет нельзя.',
    confirm: 'Удалить',
  },
});

const withoutEntry = <Param,>(data: InfiniteData<FlexEntryPage, Param>, id: string): InfiniteData<FlexEntryPage, Param> => ({
  ...data,
  pages: data.pages.map((page) => ({ ...page, items: page.items.filter((entry) => entry.id !== id) })),
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
  const navigate = useNavigate();
  const changed = (next: FlexEntryView) => {
    queryClient.setQueryData(flexEntryQuery(id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['flex', 'entries', slug] });
  };
  const publish = useMutation({ mutationFn: () => publishFlexEntry(id), onSuccess: changed });
  const unpublish = useMutation({ mutationFn: () => unpublishFlexEntry(id), onSuccess: changed });
  const remove = useMutation({
    mutationFn: () => deleteFlexEntry(id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: flexEntryQuery(id).queryKey });
      // The list page shows its cached pages at once: take the entry out of them before going back.
      queryClient.setQueryData(flexEntriesQuery(slug).queryKey, (data) => data && withoutEntry(data, id));
      await queryClient.invalidateQueries({ queryKey: ['flex', 'entries', slug] });
      await navigate({ to: '/flex/$slug/entries', params: { slug } });
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
      <div className="row">
        {entry.status === 'draft' && can(me, 'flex.entries.publish') ? (
          <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
            {t.publish}
          </button>
        ) : null}
        {entry.status === 'published' && can(me, 'flex.entries.publish') ? (
          <button type="button" disabled={unpublish.isPending} onClick={() => unpublish.mutate()}>
            {t.unpublish}
          </button>
        ) : null}
        {can(me, 'flex.entries.delete') ? (
          <ConfirmAction
            label={t.remove}
            question={t.question}
            confirmLabel={t.confirm}
            disabled={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        ) : null}
      </div>
      {[publish.error, unpublish.error, remove.error].map((error, n) =>
        error ? <ErrorNotice key={['publish', 'unpublish', 'remove'][n]} error={error} /> : null,
      )}
      <EntryForm key={entry.id} schema={schema} entry={entry} onSaved={() => {}} />
    </>
  );
};
