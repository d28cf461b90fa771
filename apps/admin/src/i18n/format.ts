import { useMemo } from 'react';
import { dateTime, money } from '../format.js';
import { useLocale } from './context.js';

/** Money, dates and numbers as the chosen language writes them. */
export const useFormat = () => {
  const { locale } = useLocale();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    return {
      money: (amount: number, currency: string) => money(amount, currency, locale),
      dateTime: (iso: string) => dateTime(iso, locale),
      number: (value: number) => numbers.format(value),
    };
  }, [locale]);
};
