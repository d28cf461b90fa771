import { loadProductIndexSource, type ProductIndexSource } from '@rustok/commerce';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, localesFromSettings, lockKey, type TenantLocales } from './common.js';
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

/** Locks a product (see lockItem) and, in the same round trip, reads the tenant's catalog locales. */
const lockProduct = async (tx: SqlRunner, id: string): Promise<TenantLocales> => {
  const { rows } = await tx.query<{ settings: Record<string, unknown> | null }>(
    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0)) AS locked, (SELECT settings FROM tenant_modules WHERE module = 'commerce') AS settings",
    [lockKey('product', id)],
  );
  return localesFromSettings(rows[0]?.settings ?? undefined, COMMERCE_DEFAULT_LOCALES);
};

/** Re-reads each product from the write model (under its lock) and brings its rows up to date. */
export const refreshProducts = async (tx: SqlRunner, productIds: Iterable<string>, meta: ApplyMeta): Promise<void> => {
  for (const id of [...new Set(productIds)].sort()) {
    const locales = await lockProduct(tx, id);
    await applyProduct(tx, id, await loadProductIndexSource(tx, id, locales.defaultLocale), locales, meta);
  }
};
