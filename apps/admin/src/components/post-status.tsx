import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    draft: 'draft',
    scheduled: 'scheduled',
    published: 'published',
    archived: 'archived',
    created: 'created',
    updated: 'edited',
    restored: 'restored',
  },
  ru: {
    draft: 'черновик',
    scheduled: 'запланирован',
    published: 'опубликован',
    archived: 'в архиве',
    created: 'создан',
    updated: 'изменён',
    restored: 'восстановлен',
  },
});

type Known = keyof typeof messages.en;

/** A post status or revision action in the chosen language (an unknown one as the server names it). */
export const useStatusLabel = (): ((value: string) => string) => {
  const t = useMessages(messages);
  return (value) => (Object.hasOwn(t, value) ? t[value as Known] : value);
};
