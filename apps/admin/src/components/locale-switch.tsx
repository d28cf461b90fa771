import { useId } from 'react';
import { LOCALE_NAMES, LOCALES, type Locale, useLocale } from '../i18n/context.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({ en: { language: 'Language' }, ru: { language: 'Язык' } });

/** The language switch: every screen redraws in the chosen language at once, dates and money included. */
export const LocaleSwitch = () => {
  const { locale, setLocale } = useLocale();
  const t = useMessages(messages);
  const id = useId();
  return (
    <span className="locale-switch">
      <label htmlFor={id}>{t.language}</label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
};
