import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { flexSchemaQuery } from '../api/flex.js';
import { EntryForm } from '../components/flex-entry-form.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All entries', title: (name: string) => `New entry: ${name}` },
  ru: { back: 'Все записи', title: (name: string) => `Новая запись: ${name}` },
});

/** A new entry, its form built from the schema's fields; once created, its own screen opens. */
export const FlexEntryNew = () => {
  const { slug } = getRouteApi('/app/flex/$slug/entries/new').useParams();
  const { data: schema } = useSuspenseQuery(flexSchemaQuery(slug));
  const navigate = useNavigate();
  const t = useMessages(messages);
  return (
    <>
      <p>
        <Link to="/flex/$slug/entries" params={{ slug }}>
          {t.back}
        </Link>
      </p>
      <h1>{t.title(schema.name)}</h1>
      <EntryForm schema={schema} onSaved={(entry) => void navigate({ to: '/flex/$slug/entries/$id', params: { slug, id: entry.id } })} />
    </>
  );
};
