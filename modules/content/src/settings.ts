import { tenantLocales } from '@rustok/api';
import { LOCALE_PATTERN, type SqlRunner, type TenantLocales } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { contentErrors } from './errors.js';

export const Locale = () => Type.String({ pattern: LOCALE_PATTERN });

/**
 * Per-tenant settings of the content module (PUT /modules/content { settings }): none of its own.
 * Locales are the tenant's (tenant settings `defaultLocale` / `supportedLocales`), shared by every module.
 */
export const ContentSettingsSchema = Type.Object({}, { additionalProperties: false });

/** The tenant's locales as content uses them. */
export type ContentSettings = TenantLocales;

/** The tenant's locales, read through the platform's accessor in the caller's transaction. */
export const loadSettings = (tx: SqlRunner): Promise<ContentSettings> => tenantLocales(tx);

/** 422 CONTENT_LOCALE_UNSUPPORTED unless the locale is well-formed and one of the tenant's. */
export const assertLocale = (settings: ContentSettings, locale: string, path = 'locale'): string => {
  if (!new RegExp(LOCALE_PATTERN).test(locale) || !settings.supportedLocales.includes(locale)) {
    throw contentErrors.CONTENT_LOCALE_UNSUPPORTED(
      `The locale "${locale.slice(0, 16)}" is not one of this tenant's: ${settings.supportedLocales.join(', ')}`,
      { errors: [{ path, message: 'is not a supported locale' }] },
    );
  }
  return locale;
};
