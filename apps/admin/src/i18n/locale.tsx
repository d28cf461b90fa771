import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { browser, initialLocale, type Locale, LocaleContext, STORAGE_KEY } from './context.js';

/** Holds the chosen language for the whole app; the choice is kept in this browser and set on <html lang>. */
export const LocaleProvider = ({ children }: { readonly children: ReactNode }) => {
  const [locale, setState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    browser.localStorage?.setItem(STORAGE_KEY, next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
};
