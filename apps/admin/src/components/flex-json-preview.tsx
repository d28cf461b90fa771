import { useQuery } from '@tanstack/react-query';
import { flexJsonSchemaQuery } from '../api/flex.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    title: 'JSON Schema of the values',
    hint: 'As the server compiled it from the saved fields; entries are checked against it.',
    loading: 'Loading…',
  },
  ru: {
    title: 'JSON Schema значений',
    hint: 'Так сервер скомпилировал сохранённые поля; записи проверяются по этой схеме.',
    loading: 'Загрузка…',
  },
});

/** The server's compiled JSON Schema of a saved schema's current version (read again after each save). */
export const JsonSchemaPreview = ({ slug, version }: { readonly slug: string; readonly version: number }) => {
  const t = useMessages(messages);
  const compiled = useQuery(flexJsonSchemaQuery(slug, version));
  return (
    <section aria-labelledby="json-schema-title" className="stack">
      <h2 id="json-schema-title">{t.title}</h2>
      <p className="hint">{t.hint}</p>
      {compiled.error ? <ErrorNotice error={compiled.error} /> : null}
      {compiled.data ? (
        <pre className="flex-json" data-testid="json-schema">
          {JSON.stringify(compiled.data, null, 2)}
        </pre>
      ) : (
        <p>{t.loading}</p>
      )}
    </section>
  );
};
