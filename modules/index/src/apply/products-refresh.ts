import { loadProductIndexSource, type ProductIndexSource } from '@rustok/commerce';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, alreadyRead, localesFromSettings, type TenantLocales } from './common.js';
import { projectProduct } from './products-project.js';
import { deleteProduct, tombstoneProduct, writeProductRows } from './products-store.js';

/** Commerce's own defaults when the tenant has not set its locales (see commerce's settings). */
const COMMERCE_DEFAULT_LOCALES: TenantLocales = { defaultLocale: 'en', supportedLocales: ['en', 'ru'] };

/** The tenant's catalog locales, from the commerce module's settings row (a platform table). */
export const loadProductLocales = async (tx: SqlRunner): Promise<TenantLocales> => {
  const { rows } = await tx.query<{ settings: Record<string, unknown> }>("SELECT settings FROM tenant_modules WHERE module = 'commerce'");
  return localesFromSettings(rows[0]?.settings, COMMERCE_DEFAULT_LOCALES);
};

/** Whether this deployment has the commerce tables at all (the module is optional). */
export const hasCatalog = async (tx: SqlRunner): Promise<boolean> => {
  const { rows } = await tx.query<{ present: boolean }>("SELECT to_regclass('commerce_products') IS NOT NULL AS present");
  return rows[0]?.present === true;
};

/** Writes what the write model says about one product (already locked, source already read). */
export const applyProduct = async (
  tx: SqlRunner,
  productId: string,
  source: ProductIndexSource | null,
  locales: TenantLocales,
  meta: ApplyMeta,
  onlyLocale?: string,
): Promise<void> => {
  if (!source) return deleteProduct(tx, productId, meta);
  const version = { source: source.version, stock: source.stockVersion };
  if (source.status !== 'published') return tombstoneProduct(tx, productId, source.status, version, meta);
  const rows = projectProduct(source, locales).filter((r) => onlyLocale === undefined || r.locale === onlyLocale);
  await writeProductRows(tx, productId, rows, version, meta, onlyLocale === undefined);
};

const LOCALES_TTL_MS = 10_000;
const cachedLocales = new Map<string, { locales: TenantLocales; until: number }>();

/**
 * The tenant's catalog locales for event handling, kept for 10 s per process (a change of them
 * needs a rebuild for the rows already written anyway; rebuilds read them fresh).
 */
const localesFor = async (tx: SqlRunner, tenantId: string): Promise<TenantLocales> => {
  const hit = cachedLocales.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.locales;
  const locales = await loadProductLocales(tx);
  cachedLocales.set(tenantId, { locales, until: Date.now() + LOCALES_TTL_MS });
  return locales;
};

/**
 * Re-reads each product from the write model and brings its rows up to date. No item lock: every
 * field of a row comes with (version, stockVersion), which only grow, and a row is written only when
 * its pair does not go back; two reads with the same pair read the same product.
 */
export const refreshProducts = async (tx: SqlRunner, tenantId: string, productIds: Iterable<string>, meta: ApplyMeta): Promise<void> => {
  for (const id of [...new Set(productIds)].sort()) {
    if (alreadyRead(tx, 'product', id)) continue;
    const locales = await localesFor(tx, tenantId);
    await applyProduct(tx, id, await loadProductIndexSource(tx, id, locales.defaultLocale), locales, meta);
  }
};
