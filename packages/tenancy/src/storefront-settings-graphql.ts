import type { GraphQLBuilder, GraphQLContext } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import { servicesOf, tenantIdOf } from './locales-routes.js';
import { setStorefrontSettings } from './set-storefront-settings.js';
import { type StorefrontSettings, storeSettingsOf } from './storefront-settings.js';

type Colors = NonNullable<StorefrontSettings['colors']>;
interface LocaleCurrency {
  readonly locale: string;
  readonly currency: string;
}

const COLOR_KEYS = ['primary', 'accent', 'background', 'text'] as const;

/** GraphQL's input (locale currencies as a list) as the settings' shape (a map); absent fields left out. */
const settingsOf = (input: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (key === 'localeCurrencies' && Array.isArray(value)) {
      out[key] = Object.fromEntries((value as LocaleCurrency[]).map((l) => [l.locale, l.currency]));
    } else if (key === 'colors' && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
    } else out[key] = value;
  }
  return out;
};

/** `storefrontSettings` and `setStorefrontSettings`: the tenant's storefront look, as over REST (/settings/storefront). */
export const storefrontSettingsGraphQL = (builder: GraphQLBuilder): void => {
  const ColorsRef = builder.objectRef<Colors>('StorefrontColors').implement({
    fields: (t) => Object.fromEntries(COLOR_KEYS.map((k) => [k, t.string({ nullable: true, resolve: (c) => c[k] ?? null })])),
  });
  const LocaleCurrencyRef = builder.objectRef<LocaleCurrency>('StorefrontLocaleCurrency').implement({
    fields: (t) => ({ locale: t.exposeString('locale'), currency: t.exposeString('currency') }),
  });
  const Settings = builder.objectRef<StorefrontSettings>('StorefrontSettings').implement({
    description: "How the tenant's storefront looks and sells",
    fields: (t) => ({
      name: t.string({ nullable: true, resolve: (s) => s.name ?? null }),
      tagline: t.string({ nullable: true, resolve: (s) => s.tagline ?? null }),
      logoUrl: t.string({ nullable: true, resolve: (s) => s.logoUrl ?? null }),
      colors: t.field({ type: ColorsRef, resolve: (s) => s.colors ?? {} }),
      currency: t.string({ nullable: true, resolve: (s) => s.currency ?? null }),
      localeCurrencies: t.field({
        type: [LocaleCurrencyRef],
        resolve: (s) => Object.entries(s.localeCurrencies ?? {}).map(([locale, currency]) => ({ locale, currency })),
      }),
      featuredTag: t.string({ nullable: true, resolve: (s) => s.featuredTag ?? null }),
    }),
  });
  const ColorsInput = builder.inputType('StorefrontColorsInput', {
    fields: (t) => Object.fromEntries(COLOR_KEYS.map((k) => [k, t.string()])),
  });
  const LocaleCurrencyInput = builder.inputType('StorefrontLocaleCurrencyInput', {
    fields: (t) => ({ locale: t.string({ required: true }), currency: t.string({ required: true }) }),
  });
  const SettingsInput = builder.inputType('StorefrontSettingsInput', {
    fields: (t) => ({
      name: t.string(),
      tagline: t.string(),
      logoUrl: t.string(),
      colors: t.field({ type: ColorsInput }),
      currency: t.string(),
      localeCurrencies: t.field({ type: [LocaleCurrencyInput] }),
      featuredTag: t.string(),
    }),
  });
  const appOf = (ctx: GraphQLContext) => (ctx as GraphQLContext & { app: FastifyInstance }).app;
  builder.queryField('storefrontSettings', (t) =>
    t.field({
      type: Settings,
      authScopes: { permission: 'tenancy.settings.manage' },
      resolve: (_root, _args, ctx) => {
        tenantIdOf(ctx.tenant);
        return storeSettingsOf(ctx.tenant as NonNullable<typeof ctx.tenant>).storefront;
      },
    }),
  );
  builder.mutationField('setStorefrontSettings', (t) =>
    t.field({
      type: Settings,
      authScopes: { permission: 'tenancy.settings.manage' },
      args: { input: t.arg({ type: SettingsInput, required: true }) },
      resolve: (_root, args, ctx) =>
        setStorefrontSettings(servicesOf(appOf(ctx)), tenantIdOf(ctx.tenant), settingsOf(args.input as Record<string, unknown>)),
    }),
  );
};
