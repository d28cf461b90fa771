import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { errorCatalogueQuery, filterErrors } from '../api/errors.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Error catalogue',
    filter: 'Filter errors',
    filterHint: 'code, status, title or module',
    shown: (n: number, total: number) =>
      `${plural('en', n, { one: '# code', other: '# codes' })} of ${new Intl.NumberFormat('en').format(total)}`,
    none: 'No error code matches the filter.',
    code: 'Code',
    status: 'Status',
    titleColumn: 'Title',
    meaning: 'Meaning',
    owner: 'Declared by',
  },
  ru: {
    title: 'Каталог ошибок',
    filter: 'Фильтр ошибок',
    filterHint: 'код, статус, заголовок или модуль',
    shown: (n: number, total: number) =>
      `${plural('ru', n, { one: '# код', few: '# кода', many: '# кодов', other: '# кода' })} из ${new Intl.NumberFormat('ru').format(total)}`,
    none: 'Ни один код ошибки не подходит под фильтр.',
    code: 'Код',
    status: 'Статус',
    titleColumn: 'Заголовок',
    meaning: 'Значение',
    owner: 'Объявлен в',
  },
});

/** Every error code the deployment answers with (GET /errors), filtered as one types. */
export const ErrorCatalogue = () => {
  const t = useMessages(messages);
  const id = useId();
  const { data } = useSuspenseQuery(errorCatalogueQuery);
  const [filter, setFilter] = useState('');
  const shown = filterErrors(data.errors, useDeferredValue(filter));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <div className="field">
        <label htmlFor={id}>{t.filter}</label>
        <input id={id} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby={`${id}-hint`} />
        <small id={`${id}-hint`} className="hint">
          {t.filterHint}
        </small>
      </div>
      <p role="status" data-testid="error-count">
        {t.shown(shown.length, data.errors.length)}
      </p>
      {shown.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table data-testid="error-catalogue">
          <caption>{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.titleColumn}</th>
              <th scope="col">{t.meaning}</th>
              <th scope="col">{t.owner}</th>
            </tr>
          </thead>
          <tbody lang="en">
            {shown.map((e) => (
              <tr key={e.code}>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>{e.status}</td>
                <td>{e.title}</td>
                <td>{e.description}</td>
                <td>{e.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
