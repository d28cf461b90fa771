import type { PageContext } from '../../context.js';
import { messagesFor } from '../../i18n/messages.js';
import { shopMessages } from '../../i18n/shop.js';
import type { PageResult } from '../../page-types.js';

/** The answer to a form sent from another site (403). */
export const ForbiddenView = (ctx: PageContext): PageResult => {
  const t = messagesFor(shopMessages, ctx.locale);
  return {
    status: 403,
    head: { title: t.forbiddenTitle, noindex: true },
    body: (
      <section>
        <h1>{t.forbiddenTitle}</h1>
        <p>{t.forbiddenText}</p>
      </section>
    ),
  };
};
