import { tenantLocales } from '@rustok/api';
import { loadProductIndexSources, loadStockDisplay, type ProductIndexSource } from '@rustok/commerce/contracts';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, alreadyRead, REBUILD } from './common.js';
import { type ProductSettings, projectProduct } from './products-project.js';
import { deleteProduct, type ProductWrite, tombstoneProduct, writeProductRows } from './products-store.js';

/**
 * The tenant's locales (tenant settings, through the platform's accessor: the catalog's like every
 * module's) and how its storefront shows stock (commerce's contract).
 */
export const loadProductLocales = async (tx: SqlRunner): Promise<ProductSettings> => ({
  ...(await tenantLocales(tx)),
  stock: await loadStockDisplay(tx),
});

/** What one product's rows become: written (published), a tombstone, or gone (deleted). */
const applyOne = async (
  tx: SqlRunner,
  productId: string,
  source: ProductIndexSource | undefined,
  locales: ProductSettings,
  meta: ApplyMeta,
  onlyLocale: string | undefined,
): Promise<ProductWrite | undefined> => {
  if (!source) {
    await deleteProduct(tx, productId, meta);
    return undefined;
  }
  if (source.status !== 'published') {
    await tombstoneProduct(tx, productId, source.status, { source: source.version, stock: source.stockVersion }, meta);
    return undefined;
  }
  return {
    rows: projectProduct(source, locales).filter((r) => onlyLocale === undefined || r.locale === onlyLocale),
    meta,
    defaultLocale: locales.defaultLocale,
  };
};

/**
 * Writes what the write model says about each product (`sources`, read in this transaction; an id
 * without a source was deleted): the published ones in one statement, each with its event's meta.
 */
export const applyProducts = async (
  tx: SqlRunner,
  productIds: readonly string[],
  sources: ReadonlyMap<string, ProductIndexSource>,
  locales: ProductSettings,
  metaOf: (productId: string) => ApplyMeta,
  onlyLocale?: string,
): Promise<void> => {
  const writes: ProductWrite[] = [];
  for (const id of productIds) {
    const write = await applyOne(tx, id, sources.get(id), locales, metaOf(id), onlyLocale);
    if (write) writes.push(write);
  }
  await writeProductRows(tx, writes, onlyLocale === undefined);
};

/** One product (see applyProducts); `source` null: it was deleted. */
export const applyProduct = (
  tx: SqlRunner,
  productId: string,
  source: ProductIndexSource | null,
  locales: ProductSettings,
  meta: ApplyMeta,
): Promise<void> => applyProducts(tx, [productId], new Map(source ? [[productId, source]] : []), locales, () => meta);

const LOCALES_TTL_MS = 10_000;
const cachedLocales = new Map<string, { locales: ProductSettings; until: number }>();

/**
 * The tenant's catalog locales and stock display for event handling are kept for 10 s per process (a
 * change of them needs a rebuild for the rows already written anyway; rebuilds read them fresh).
 * This forgets them in this process (they changed).
 */
export const forgetProductSettings = (tenantId: string): void => {
  cachedLocales.delete(tenantId);
};

const localesFor = async (tx: SqlRunner, tenantId: string): Promise<ProductSettings> => {
  const hit = cachedLocales.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.locales;
  const locales = await loadProductLocales(tx);
  cachedLocales.set(tenantId, { locales, until: Date.now() + LOCALES_TTL_MS });
  return locales;
};

/**
 * Re-reads the products from the write model (one statement) and brings their rows up to date;
 * `changes` names each product with the meta of the newest event about it. No item lock: every
 * field of a row comes with (version, stockVersion), which only grow, and a row is written only when
 * its pair does not go back; two reads with the same pair read the same product.
 */
export const refreshProducts = async (tx: SqlRunner, tenantId: string, changes: ReadonlyMap<string, ApplyMeta>): Promise<void> => {
  const ids = [...changes.keys()].sort().filter((id) => !alreadyRead(tx, 'product', id));
  if (ids.length === 0) return;
  const locales = await localesFor(tx, tenantId);
  const sources = await loadProductIndexSources(tx, ids, locales.defaultLocale);
  await applyProducts(tx, ids, sources, locales, (id) => changes.get(id) ?? REBUILD);
};
