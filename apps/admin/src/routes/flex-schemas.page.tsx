import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexSchemasQuery } from '../api/flex.js';
import { can } from '../api/permissions.js';
import { flexNames } from '../components/flex-messages.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Custom types',
    intro: 'Types of content defined here, without a release: their fields, and the entries written in them.',
    none: 'No custom types yet.',
    name: 'Name',
    slug: 'Slug',
    target: 'Describes',
    fields: 'Fields',
    version: 'Version',
    updated: 'Changed',
    entries: 'Entries',
    entriesOf: (name: string) => `Entries of ${name}`,
    create: 'New custom type',
  },
  ru: {
    title: 'Свои типы',
    intro: 'Типы контента, заданные здесь без выпуска новой версии: их поля и записи в них.',
    none: 'Своих типов пока нет.',
    name: 'Название',
    slug: 'Ключ',
    target: 'Описывает',
    fields: 'Полей',
    version: 'Версия',
    updated: 'Изменён',
    entries: 'Записи',
    entriesOf: (name: string) => `Записи: ${name}`,
    create: 'Новый тип',
  },
});

/** The tenant's schemas; each opens in the builder, its entries beside it. */
export const FlexSchemas = () => {
  const t = useMessages(messages);
  const names = useMessages(flexNames);
  const f = useFormat();
  const { data: schemas } = useSuspenseQuery(flexSchemasQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {can(me, 'flex.schemas.manage') ? (
        <p>
          <Link to="/flex/new">{t.create}</Link>
        </p>
      ) : null}
      {schemas.length === 0 ? <p>{t.none}</p> : null}
      {schemas.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.slug}</th>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.fields}</th>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.updated}</th>
              <th scope="col">{t.entries}</th>
            </tr>
          </thead>
          <tbody>
            {schemas.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to="/flex/$slug" params={{ slug: s.slug }}>
                    {s.name}
                  </Link>
                </td>
                <td>{s.slug}</td>
                <td>{s.target in names ? names[s.target as keyof typeof names] : s.target}</td>
                <td>{s.fields.length}</td>
                <td>{s.version}</td>
                <td>{s.updatedAt ? f.dateTime(s.updatedAt) : null}</td>
                <td>
                  {s.target === 'entry' ? (
                    <Link to="/flex/$slug/entries" params={{ slug: s.slug }} aria-label={t.entriesOf(s.name)}>
                      {t.entries}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
