/**
 * The storefront's texts: one catalogue per area (`defineMessages({ en, ru })`, the same keys by
 * type), picked by the page's locale (its language, then English).
 */
export type Catalogue<K extends string> = Readonly<Record<K, string>>;

export interface Catalogues<K extends string> {
  readonly en: Catalogue<K>;
  readonly ru: Catalogue<K>;
}

export const defineMessages = <K extends string>(catalogues: Catalogues<K>): Catalogues<K> => catalogues;

/** The catalogue for a locale: `ru-RU` and `ru` take Russian, anything else English. */
export const messagesFor = <K extends string>(catalogues: Catalogues<K>, locale: string): Catalogue<K> =>
  locale.slice(0, 2) === 'ru' ? catalogues.ru : catalogues.en;

/** `{name}` placeholders filled in. */
export const fill = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** Russian's three plural forms, English's two: `plural(locale, n, { one, few, many })` (`few` unused in English). */
export const plural = (locale: string, n: number, forms: { one: string; few: string; many: string }): string => {
  const rule = new Intl.PluralRules(locale.slice(0, 2) === 'ru' ? 'ru' : 'en').select(n);
  return fill(rule === 'one' ? forms.one : rule === 'few' ? forms.few : forms.many, { n });
};
