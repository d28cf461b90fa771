import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { draft: 'Draft', scheduled: 'Scheduled', published: 'Published', archived: 'Archived' },
  ru: { draft: 'Черновик', scheduled: 'Запланирована', published: 'Опубликована', archived: 'В архиве' },
});

/** A page's status in words of the chosen language. */
export const PageStatus = ({ status }: { readonly status: string }) => {
  const t = useMessages(messages);
  const known = status in t ? t[status as keyof typeof t] : status;
  return <span data-testid="page-status">{known}</span>;
};
