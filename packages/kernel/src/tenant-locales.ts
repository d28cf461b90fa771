import { type Static, Type } from '@sinclair/typebox';

/** A locale tag: a language, optionally with a region (`en`, `de`, `pt-BR`). */
export const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';
const LOCALE = new RegExp(LOCALE_PATTERN);

/** The one set of locales a tenant works in; every module reads it (content, commerce, the storefront index, …). */
export interface TenantLocales {
  readonly defaultLocale: string;
  /** Always includes the default locale. */
  readonly supportedLocales: readonly string[];
}

/** How a tenant's locales are written (tenant settings `defaultLocale` and `supportedLocales`). */
export const TenantLocalesInput = Type.Object(
  {
    defaultLocale: Type.String({ pattern: LOCALE_PATTERN, description: 'Locale of texts written without one, and the fallback of reads.' }),
    supportedLocales: Type.Array(Type.String({ pattern: LOCALE_PATTERN }), {
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      description: 'Locales texts may be written in; the default locale is added when missing.',
    }),
  },
  { additionalProperties: false },
);
export type TenantLocalesInput = Static<typeof TenantLocalesInput>;

/** Supported locales of a tenant whose settings name none (with the deployment's default locale). */
const FALLBACK_SUPPORTED_LOCALES: readonly string[] = ['en', 'ru'];

let deploymentDefault = 'en';

/**
 * The deployment's default locale (`settings.rustok.search.default_locale`), used for tenants whose
 * settings name none. Set once at boot from the configuration.
 */
export const setDeploymentDefaultLocale = (locale: string): void => {
  if (!LOCALE.test(locale)) throw new Error(`not a locale: ${locale}`);
  deploymentDefault = locale;
};

const isLocale = (value: unknown): value is string => typeof value === 'string' && LOCALE.test(value);

/** A tenant's locales from its settings; what is missing or malformed falls back to the deployment's defaults. */
export const tenantLocalesOf = (settings: Readonly<Record<string, unknown>> | undefined, fallback = deploymentDefault): TenantLocales => {
  const defaultLocale = isLocale(settings?.defaultLocale) ? settings.defaultLocale : fallback;
  const listed = Array.isArray(settings?.supportedLocales) ? settings.supportedLocales.filter(isLocale) : [];
  const supported = listed.length > 0 ? listed : FALLBACK_SUPPORTED_LOCALES;
  return { defaultLocale, supportedLocales: supported.includes(defaultLocale) ? supported : [defaultLocale, ...supported] };
};
