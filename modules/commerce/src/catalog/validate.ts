import { type FieldError, validationError } from '@rustok/kernel';
import { commerceErrors } from '../errors.js';
import type { CommerceSettings } from '../settings.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string): boolean => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);

/** Collects field errors and throws them together (422 VALIDATION_FAILED) when there are any. */
export const fieldErrors = () => {
  const errors: FieldError[] = [];
  return {
    add: (path: string, message: string) => {
      errors.push({ path, message });
    },
    throwIfAny: () => {
      if (errors.length > 0) throw validationError(errors, `${errors.length} field(s) failed validation`);
    },
  };
};

/** 422 COMMERCE_LOCALE_UNSUPPORTED unless every locale is one of the tenant's. */
export const assertLocales = (settings: CommerceSettings, locales: readonly string[], path: string): void => {
  const bad = locales.filter((l) => !settings.supportedLocales.includes(l));
  if (bad.length === 0) return;
  throw commerceErrors.COMMERCE_LOCALE_UNSUPPORTED(
    `Not a locale of this tenant: ${bad.map((l) => l.slice(0, 16)).join(', ')} (supported: ${settings.supportedLocales.join(', ')})`,
    { errors: bad.map((l) => ({ path: `${path}/${l.slice(0, 16)}`, message: 'is not a supported locale' })) },
  );
};
