import { ApiError, ContractError } from '../api/problem.js';
import { useLocale } from '../i18n/context.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { PROBLEMS_RU } from '../i18n/problems-ru.js';

const messages = defineMessages({ en: { request: 'request' }, ru: { request: 'запрос' } });

/** The code's meaning in the UI's language where the server's text is in another (the server writes English). */
const translated = (error: Error, locale: string): string | undefined =>
  locale === 'ru' && error instanceof ApiError && !(error instanceof ContractError) ? PROBLEMS_RU[error.code] : undefined;

/**
 * An API error as the person can act on it: what the code means (in the UI's language), the
 * server's own text, the fields it names, and the code for support.
 */
export const ErrorNotice = ({ error, id }: { readonly error: Error; readonly id?: string }) => {
  const t = useMessages(messages);
  const meaning = translated(error, useLocale().locale);
  return (
    <div className="error" role="alert" id={id}>
      <p>
        {meaning ?? error.message}
        {error instanceof ApiError ? <small> ({error.code})</small> : null}
      </p>
      {meaning ? (
        <p className="hint" lang="en">
          {error.message}
        </p>
      ) : null}
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul lang={meaning ? 'en' : undefined}>
          {error.fields.map((f) => (
            <li key={f.path}>
              {f.path.replace(/^\//, '').replaceAll('/', ' › ') || t.request}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
