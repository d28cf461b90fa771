import { AppError, type SqlRunner } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';
export const Locale = () => Type.String({ pattern: LOCALE_PATTERN });

/** Per-tenant settings of the content module (PUT /modules/content { settings }). */
export const ContentSettingsSchema = Type.Object(
  {
    defaultLocale: Type.Optional(Locale()),
    supportedLocales: Type.Optional(Type.Array(Locale(), { minItems: 1, maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export interface ContentSettings {
  readonly defaultLocale: string;
  readonly supportedLocales: readonly string[];
}

export const DEFAULT_SETTINGS: ContentSettings = { defaultLocale: 'en', supportedLocales: ['en', 'ru'] };

/** The tenant's content settings (defaults: en, [en, ru]); the default locale is always supported. */
export const loadSettings = async (tx: SqlRunner): Promise<ContentSettings> => {
  const { rows } = await tx.query<{ settings: Static<typeof ContentSettingsSchema> }>(
    "SELECT settings FROM tenant_modules WHERE module = 'content'",
  );
  const stored = rows[0]?.settings ?? {};
  const defaultLocale = stored.defaultLocale ?? DEFAULT_SETTINGS.defaultLocale;
  const supported = stored.supportedLocales ?? DEFAULT_SETTINGS.supportedLocales;
  return { defaultLocale, supportedLocales: supported.includes(defaultLocale) ? supported : [defaultLocale, ...supported] };
};

/** 422 CONTENT_LOCALE_UNSUPPORTED unless the locale is well-formed and one of the tenant's. */
export const assertLocale = (settings: ContentSettings, locale: string, path = 'locale'): string => {
  if (!new RegExp(LOCALE_PATTERN).test(locale) || !settings.supportedLocales.includes(locale)) {
    throw new AppError(
      'CONTENT_LOCALE_UNSUPPORTED',
      `The locale "${locale.slice(0, 16)}" is not one of this tenant's: ${settings.supportedLocales.join(', ')}`,
      { status: 422, title: 'Validation failed', errors: [{ path, message: 'is not a supported locale' }] },
    );
  }
  return locale;
};
