import { defineMessages } from '../i18n/messages.js';

/** A product's status as the catalog screens name it. */
export const statusMessages = defineMessages({
  en: { draft: 'draft', published: 'published', archived: 'archived' },
  ru: { draft: 'черновик', published: 'опубликован', archived: 'в архиве' },
});
