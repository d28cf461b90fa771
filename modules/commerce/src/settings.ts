import { TENANT_SETTINGS_SUBQUERY, tenantLocalesFrom } from '@rustok/api';
import { preparedSql } from '@rustok/db';
import { CurrencyCode, type SqlRunner, type TenantLocales } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/**
 * Per-tenant settings of the commerce module (PUT /modules/commerce { settings }): its own only.
 * Locales are the tenant's (tenant settings), shared by every module.
 */
export const CommerceSettingsSchema = Type.Object(
  {
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

/** Commerce's own settings, with the tenant's locales alongside. */
export interface CommerceSettings extends TenantLocales {
  readonly currencies: readonly string[];
  readonly cartTtlHours: number;
  readonly exposeStock: boolean;
  readonly lowStockThreshold: number;
}

const DEFAULT_COMMERCE_SETTINGS: Omit<CommerceSettings, keyof TenantLocales> = {
  currencies: ['USD', 'EUR', 'RUB'],
  cartTtlHours: 72,
  exposeStock: false,
  lowStockThreshold: 5,
};

/**
 * Commerce's settings and the tenant's (for its locales) in one statement; catalog and cart
 * transactions send it with their BEGIN (`settingsFirst`), as nearly all of them read it.
 */
const SETTINGS_SQL = preparedSql(
  'commerce_settings',
  `SELECT (SELECT settings FROM tenant_modules WHERE module = 'commerce') AS settings, ${TENANT_SETTINGS_SUBQUERY} AS tenant_settings`,
);

/** Transaction options that read the settings in BEGIN's round trip (loadCommerceSettings then costs none). */
export const settingsFirst = { prelude: SETTINGS_SQL } as const;

/** The tenant's commerce settings, defaults filled in, and the tenant's locales (through the platform's accessor). */
export const loadCommerceSettings = async (tx: SqlRunner): Promise<CommerceSettings> => {
  const { rows } = await tx.query<{ settings: Static<typeof CommerceSettingsSchema> | null; tenant_settings: unknown }>(SETTINGS_SQL);
  const s = rows[0]?.settings ?? {};
  const d = DEFAULT_COMMERCE_SETTINGS;
  return {
    ...tenantLocalesFrom(rows[0]?.tenant_settings),
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
