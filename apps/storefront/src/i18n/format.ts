interface MoneyFormat {
  readonly format: Intl.NumberFormat;
  /** The currency's minor-unit digits (2 for USD, 0 for JPY): read once, resolvedOptions() is dear. */
  readonly digits: number;
}

const money = new Map<string, MoneyFormat>();

const moneyFormat = (locale: string, currency: string): MoneyFormat => {
  const key = `${locale}|${currency}`;
  let kept = money.get(key);
  if (!kept) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    kept = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    money.set(key, kept);
  }
  return kept;
};

/** A price in minor units as the locale writes it: `formatMoney('ru', 129900, 'RUB')` → `1 299,00 ₽`. */
export const formatMoney = (locale: string, amount: number, currency: string): string => {
  const { format, digits } = moneyFormat(locale, currency);
  return format.format(amount / 10 ** digits);
};

/** Minor units of a price typed in major units (`12.5` USD → 1250). */
export const toMinorUnits = (locale: string, major: number, currency: string): number =>
  Math.round(major * 10 ** moneyFormat(locale, currency).digits);

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
