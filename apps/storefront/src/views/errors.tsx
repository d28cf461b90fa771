import type { PageContext } from '../context.js';
import { common } from '../i18n/common.js';
import { messagesFor } from '../i18n/messages.js';
import type { PageResult } from '../page-types.js';

export const NotFoundView = (ctx: PageContext): PageResult => {
  const t = messagesFor(common, ctx.locale);
  return {
    status: 404,
    head: { title: t.notFoundTitle, noindex: true },
    body: (
      <section>
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundText}</p>
        <p>
          <a href={ctx.href('/search')}>{t.catalog}</a>
        </p>
      </section>
    ),
  };
};

export const ErrorView = (ctx: PageContext): PageResult => {
  const t = messagesFor(common, ctx.locale);
  return {
    status: 500,
    head: { title: t.errorTitle, noindex: true },
    body: (
      <section>
        <h1>{t.errorTitle}</h1>
        <p>{t.errorText}</p>
      </section>
    ),
  };
};
