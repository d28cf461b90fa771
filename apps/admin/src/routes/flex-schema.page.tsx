import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexSchemaQuery } from '../api/flex.js';
import { can } from '../api/permissions.js';
import { JsonSchemaPreview } from '../components/flex-json-preview.js';
import { SchemaBuilder } from '../components/flex-schema-builder.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All custom types', entries: 'Entries', version: (v: number) => `Version ${v}` },
  ru: { back: 'Все свои типы', entries: 'Записи', version: (v: number) => `Версия ${v}` },
});

/** A saved schema in the builder (slug and target stay), the server's compiled JSON Schema beside it. */
export const FlexSchemaEdit = () => {
  const { slug } = getRouteApi('/app/flex/$slug').useParams();
  const { data: schema } = useSuspenseQuery(flexSchemaQuery(slug));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  return (
    <>
      <p>
        <Link to="/flex">{t.back}</Link>
        {schema.target === 'entry' ? (
          <>
            {' · '}
            <Link to="/flex/$slug/entries" params={{ slug }}>
              {t.entries}
            </Link>
          </>
        ) : null}
      </p>
      <h1>{schema.name}</h1>
      <p data-testid="schema-version">{t.version(schema.version)}</p>
      {can(me, 'flex.schemas.manage') ? <SchemaBuilder key={schema.slug} schema={schema} onSaved={() => {}} /> : null}
      <JsonSchemaPreview slug={schema.slug} version={schema.version} />
    </>
  );
};
