import { createContext, useContext } from 'react';

/** The languages the admin speaks: the seeds' own. */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each locale's own name, shown in the switch in that language. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ru: 'Русский' };

export const STORAGE_KEY = 'rustok.admin.locale';

/** What this file reads of the browser (absent where the catalogues are checked outside one). */
export const browser = globalThis as {
  readonly localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly navigator?: { readonly languages?: readonly string[] };
};

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The saved choice, else the browser's first language we speak, else English. */
export const initialLocale = (): Locale => {
  const saved = browser.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  const preferred = (browser.navigator?.languages ?? []).map((l) => l.slice(0, 2).toLowerCase());
  return preferred.find(isLocale) ?? 'en';
};

export interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });

export const useLocale = (): LocaleState => useContext(LocaleContext);
