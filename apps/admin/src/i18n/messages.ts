import { useLocale } from './context.js';

/** A message is a text, or a function of the values it shows (counts, names). */
// biome-ignore lint/suspicious/noExplicitAny: a message function may take any values; each catalogue fixes its own types
type Message = string | ((...values: any[]) => string);

type Catalogue = Readonly<Record<string, Message>>;

interface Catalogues<T extends Catalogue> {
  readonly en: T;
  readonly ru: { readonly [K in keyof T]: T[K] };
}

const defined: Catalogues<Catalogue>[] = [];

/** Every catalogue defined so far (the tests check each language has every text). */
export const definedCatalogues = (): readonly Catalogues<Catalogue>[] => defined;

/** One catalogue per screen or component: English first, Russian with exactly the same keys and value types. */
export const defineMessages = <T extends Catalogue>(messages: Catalogues<T>): Catalogues<T> => {
  defined.push(messages);
  return messages;
};

/** The current language's catalogue. */
export const useMessages = <T extends Catalogue>(messages: { readonly en: T; readonly ru: T }): T => messages[useLocale().locale];

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const rules = new Map<string, Intl.PluralRules>();

/** A count with the form its language needs ("1 product", "3 товара", "5 товаров"); `#` stands for the number. */
export const plural = (locale: string, count: number, forms: PluralForms): string => {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(count));
};
