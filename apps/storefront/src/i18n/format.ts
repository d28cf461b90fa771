const money = new Map<string, Intl.NumberFormat>();

const moneyFormat = (locale: string, currency: string): Intl.NumberFormat => {
  const key = `${locale}|${currency}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    money.set(key, format);
  }
  return format;
};

/** A price in minor units as the locale writes it: `formatMoney('ru', 129900, 'RUB')` → `1 299,00 ₽`. */
export const formatMoney = (locale: string, amount: number, currency: string): string => {
  const format = moneyFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
};

/** Minor units of a price typed in major units (`12.5` USD → 1250). */
export const toMinorUnits = (locale: string, major: number, currency: string): number =>
  Math.round(major * 10 ** (moneyFormat(locale, currency).resolvedOptions().maximumFractionDigits ?? 2));

const dates = new Map<string, Intl.DateTimeFormat>();

/** A date as the locale writes it (long month, no time). */
export const formatDate = (locale: string, iso: string): string => {
  let format = dates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dates.set(locale, format);
  }
  return format.format(new Date(iso));
};
