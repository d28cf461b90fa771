import { preparedSql } from '@rustok/db';
import { CurrencyCode, type SqlRunner } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const Locale = () => Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });

/** Per-tenant settings of the commerce module (PUT /modules/commerce { settings }). */
export const CommerceSettingsSchema = Type.Object(
  {
    defaultLocale: Type.Optional(Locale()),
    supportedLocales: Type.Optional(Type.Array(Locale(), { minItems: 1, maxItems: 50, uniqueItems: true })),
    currencies: Type.Optional(Type.Array(CurrencyCode(), { minItems: 1, maxItems: 50, uniqueItems: true })),
    /** Hours an untouched open cart lives before it expires. */
    cartTtlHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90 })),
    /** Whether the storefront shows stock counts (`available` per variant); otherwise only an availability band. */
    exposeStock: Type.Optional(Type.Boolean()),
    /** At or below this many units (and above 0) a variant's band is `low_stock`. */
    lowStockThreshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export interface CommerceSettings {
  readonly defaultLocale: string;
  readonly supportedLocales: readonly string[];
  readonly currencies: readonly string[];
  readonly cartTtlHours: number;
  readonly exposeStock: boolean;
  readonly lowStockThreshold: number;
}

export const DEFAULT_COMMERCE_SETTINGS: CommerceSettings = {
  defaultLocale: 'en',
  supportedLocales: ['en', 'ru'],
  currencies: ['USD', 'EUR', 'RUB'],
  cartTtlHours: 72,
  exposeStock: false,
  lowStockThreshold: 5,
};

const SETTINGS_SQL = preparedSql('commerce_settings', "SELECT settings FROM tenant_modules WHERE module = 'commerce'");

/** The tenant's commerce settings, defaults filled in; the default locale is always supported. */
export const loadCommerceSettings = async (tx: SqlRunner): Promise<CommerceSettings> => {
  const { rows } = await tx.query<{ settings: Static<typeof CommerceSettingsSchema> }>(SETTINGS_SQL);
  const s = rows[0]?.settings ?? {};
  const d = DEFAULT_COMMERCE_SETTINGS;
  const defaultLocale = s.defaultLocale ?? d.defaultLocale;
  const supported = s.supportedLocales ?? d.supportedLocales;
  return {
    defaultLocale,
    supportedLocales: supported.includes(defaultLocale) ? supported : [defaultLocale, ...supported],
    currencies: s.currencies ?? d.currencies,
    cartTtlHours: s.cartTtlHours ?? d.cartTtlHours,
    exposeStock: s.exposeStock ?? d.exposeStock,
    lowStockThreshold: s.lowStockThreshold ?? d.lowStockThreshold,
  };
};

/** How the tenant's storefront shows stock (read models project it so). */
export interface StockDisplay {
  readonly exposeStock: boolean;
  readonly lowStockThreshold: number;
}

export const loadStockDisplay = async (tx: SqlRunner): Promise<StockDisplay> => {
  const { exposeStock, lowStockThreshold } = await loadCommerceSettings(tx);
  return { exposeStock, lowStockThreshold };
};
