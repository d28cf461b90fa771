/** Money in minor units as the locale writes it, e.g. 2500 USD → "$25.00". */
export const money = (amount: number, currency: string, locale = 'en'): string => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`;
  }
};

/** A timestamp as the locale writes date and time. */
export const dateTime = (iso: string, locale = 'en'): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
