import { ApiError } from '../api/problem.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({ en: { request: 'request' }, ru: { request: 'запрос' } });

/** An API error as the person can act on it: the server's own text, the fields it names, and its code for support. */
export const ErrorNotice = ({ error, id }: { readonly error: Error; readonly id?: string }) => {
  const t = useMessages(messages);
  return (
    <div className="error" role="alert" id={id}>
      <p>
        {error.message}
        {error instanceof ApiError ? <small> ({error.code})</small> : null}
      </p>
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul>
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
