import { Link, useNavigate } from '@tanstack/react-router';
import { SchemaBuilder } from '../components/flex-schema-builder.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { title: 'New custom type', back: 'All custom types' },
  ru: { title: 'Новый свой тип', back: 'Все свои типы' },
});

/** The builder for a new schema; once saved, its own screen (with the compiled JSON Schema) opens. */
export const FlexSchemaNew = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  return (
    <>
      <p>
        <Link to="/flex">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <SchemaBuilder onSaved={(saved) => void navigate({ to: '/flex/$slug', params: { slug: saved.slug } })} />
    </>
  );
};
