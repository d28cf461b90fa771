import type { Static, TSchema } from '@sinclair/typebox';

/** One mail in one locale, as a tenant may edit it. */
export interface MailTemplate {
  /** Liquid; rendered without HTML escaping, then folded onto one line. */
  readonly subject: string;
  /** Liquid producing an MJML document; every `{{ output }}` is HTML-escaped unless piped through `raw`. */
  readonly mjml: string;
  /** Liquid plain-text body; when absent the text part is generated from the HTML. */
  readonly text?: string;
}

/** A mail the platform ships: what it is for, the variables it takes, sample data for previews, and its text per locale. */
export interface MailTemplateDefinition<S extends TSchema = TSchema> {
  readonly key: string;
  readonly description: string;
  /** The variables the templates may use (JSON Schema); tenant edits are rendered against the same. */
  readonly variables: S;
  /** Variables a preview renders with; they satisfy `variables`. */
  readonly sample: Static<S>;
  /** Keyed by locale; `en` is always there. */
  readonly locales: Readonly<Record<string, MailTemplate>> & { readonly en: MailTemplate };
}

export const FALLBACK_LOCALE = 'en';

/**
 * The locales to try, most specific first, ending with `en`: `de-AT` → `de-AT`, `de`, `en`. A tag that is not
 * a well-formed BCP 47 tag gives `en` alone.
 */
export function localeChain(locale: string, fallback: string = FALLBACK_LOCALE): string[] {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch {
    canonical = undefined;
  }
  const chain: string[] = [];
  const parts = canonical ? canonical.split('-') : [];
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes(fallback)) chain.push(fallback);
  return chain;
}

/** The variant for the most specific locale of `localeChain(locale)` that `variants` has, with the locale it is for. */
export function pickLocale<T>(locale: string, variants: Readonly<Record<string, T>>): { locale: string; value: T } | undefined {
  for (const candidate of localeChain(locale)) {
    if (Object.hasOwn(variants, candidate)) return { locale: candidate, value: variants[candidate] as T };
  }
  return undefined;
}
