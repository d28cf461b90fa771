import { tenantLocalesOf } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const CurrencyCode = () => Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as #rrggbb' });

/** Tenant settings key `storefront`: how the tenant's shop looks and sells (PATCH /platform/tenants/{id} { settings }). */
export const StorefrontSettingsSchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 120, description: "The shop's name in its pages (the tenant's name when unset)" }),
    ),
    tagline: Type.Optional(
      Type.String({ maxLength: 300, description: 'A line under the name on the home page; the default meta description' }),
    ),
    logoUrl: Type.Optional(
      Type.String({ pattern: '^(https://|/)', maxLength: 1000, description: 'An https address or a path of this site' }),
    ),
    colors: Type.Optional(
      Type.Object(
        {
          primary: Type.Optional(Colour),
          accent: Type.Optional(Colour),
          background: Type.Optional(Colour),
          text: Type.Optional(Colour),
        },
        { additionalProperties: false },
      ),
    ),
    currency: Type.Optional(CurrencyCode()),
    localeCurrencies: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }), CurrencyCode(), {
        description: 'The currency prices are shown in per locale, e.g. { "ru": "RUB" }',
      }),
    ),
    featuredTag: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Products with this tag are featured on the home page' }),
    ),
  },
  { additionalProperties: false },
);
export type StorefrontSettings = Static<typeof StorefrontSettingsSchema>;

/** What a storefront needs to know of its tenant, public (GET /store/settings). */
export const StoreSettingsView = Type.Object({
  tenant: Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() }),
  defaultLocale: Type.String(),
  supportedLocales: Type.Array(Type.String()),
  storefront: StorefrontSettingsSchema,
});
export type StoreSettingsView = Static<typeof StoreSettingsView>;

const storefrontOf = (settings: Readonly<Record<string, unknown>>): StorefrontSettings => {
  const value = settings.storefront;
  return value !== null && typeof value === 'object' ? (value as StorefrontSettings) : {};
};

/** The public view of a resolved tenant (its settings were validated when written). */
export const storeSettingsOf = (tenant: {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
}): StoreSettingsView => {
  const locales = tenantLocalesOf(tenant.settings);
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    defaultLocale: locales.defaultLocale,
    supportedLocales: [...locales.supportedLocales],
    storefront: storefrontOf(tenant.settings),
  };
};
