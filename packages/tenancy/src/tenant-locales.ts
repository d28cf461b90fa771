import { type EventPublisher, tenantLocales } from '@rustok/api';
import type { Database } from '@rustok/db';
import { type AppError, createValidator, type FieldError, type TenantLocales, TenantLocalesInput } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { tenancyErrors } from './errors.js';

export interface TenantLocaleServices {
  readonly db: Database;
  readonly events: EventPublisher;
  /** Drops the tenant from the tenant caches (its settings travel with it). */
  readonly invalidate?: (tenant: { id: string; slug: string }) => Promise<void>;
}

const validator = createValidator(TenantLocalesInput, '/');
const settingsValidator = createValidator(Type.Partial(TenantLocalesInput), '/');

const invalid = (problems: readonly FieldError[]): AppError =>
  tenancyErrors.TENANT_LOCALES_INVALID(`Invalid locales: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, {
    errors: [...problems],
  });

/** Tenant settings written whole (platform tenant API): their `defaultLocale` / `supportedLocales`, when given, must be locales. */
export const assertTenantLocaleSettings = (settings: Readonly<Record<string, unknown>> | undefined): void => {
  if (!settings) return;
  const { defaultLocale, supportedLocales } = settings;
  const problems = settingsValidator.errors({
    ...(defaultLocale === undefined ? {} : { defaultLocale }),
    ...(supportedLocales === undefined ? {} : { supportedLocales }),
  });
  if (problems.length > 0) throw invalid(problems.map((p) => ({ ...p, path: `/settings${p.path === '/' ? '' : p.path}` })));
};

/** The tenant's locales: what every module reads (the deployment's default where the tenant names none). */
export const getTenantLocales = (db: Database, tenantId: string): Promise<TenantLocales> =>
  db.transaction((tx) => tenantLocales(tx), { tenantId });

/**
 * Sets the tenant's locales (tenant settings `defaultLocale` and `supportedLocales`, the default
 * added to the supported ones when missing): content, commerce, the storefront index and every other
 * module follow at once. Publishes `tenancy.tenant.updated` with the change `settings.locales`.
 */
export const setTenantLocales = async (services: TenantLocaleServices, tenantId: string, input: unknown): Promise<TenantLocales> => {
  const problems = validator.errors(input);
  if (problems.length > 0) throw invalid(problems);
  const { defaultLocale, supportedLocales } = input as TenantLocalesInput;
  const locales = {
    defaultLocale,
    supportedLocales: supportedLocales.includes(defaultLocale) ? supportedLocales : [defaultLocale, ...supportedLocales],
  };
  const tenant = await services.db.transaction(
    async (tx) => {
      const { rows } = await tx.query<{ slug: string; is_active: boolean }>(
        'UPDATE tenants SET settings = settings || $2::jsonb, updated_at = now() WHERE id = $1 RETURNING slug, is_active',
        [tenantId, JSON.stringify(locales)],
      );
      const row = rows[0];
      if (!row) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${tenantId}`);
      await services.events.publishInTx(tx, {
        type: 'tenancy.tenant.updated',
        tenantId,
        payload: { tenantId, slug: row.slug, changes: ['settings.locales'], isActive: row.is_active },
      });
      return { id: tenantId, slug: row.slug };
    },
    { tenantId },
  );
  await services.invalidate?.(tenant);
  return locales;
};

type LocaleSettings = { defaultLocale?: unknown; supportedLocales?: unknown };
const localeList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string') : undefined;

/** What content and commerce used when their settings named no locales. */
const OLD_MODULE_DEFAULT: TenantLocales = { defaultLocale: 'en', supportedLocales: ['en', 'ru'] };

/**
 * The tenant-wide locales made from the per-module ones they replace (content, then commerce): the
 * first default named, and every locale either module accepted (a module that named none accepted
 * en and ru), so nothing that could be written before is refused after. Undefined when the tenant
 * already has its own or no module named any.
 */
export const mergeModuleLocales = (tenant: LocaleSettings, modules: readonly LocaleSettings[]): TenantLocales | undefined => {
  if (tenant.defaultLocale !== undefined || tenant.supportedLocales !== undefined) return undefined;
  if (!modules.some((m) => m.defaultLocale !== undefined || m.supportedLocales !== undefined)) return undefined;
  const defaultLocale =
    modules.map((m) => m.defaultLocale).find((l): l is string => typeof l === 'string') ?? OLD_MODULE_DEFAULT.defaultLocale;
  const supported = [...new Set(modules.flatMap((m) => localeList(m.supportedLocales) ?? OLD_MODULE_DEFAULT.supportedLocales))];
  return { defaultLocale, supportedLocales: supported.includes(defaultLocale) ? supported : [defaultLocale, ...supported] };
};
