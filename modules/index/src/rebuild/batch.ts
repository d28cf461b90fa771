import { tenantLocales } from '@rustok/api';
import { catalogInstalled, listProductIdsForIndex, loadProductIndexSources } from '@rustok/commerce/contracts';
import { listNodeIdsForIndex, loadNodeIndexSources } from '@rustok/content/contracts';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, lockItem } from '../apply/common.js';
import { applyNode } from '../apply/content-refresh.js';
import { applyProducts, loadProductLocales } from '../apply/products-refresh.js';
import type { IndexKind } from '../events.js';

export interface BatchOptions {
  readonly locale?: string | undefined;
  readonly meta: ApplyMeta;
}

export interface BatchResult {
  /** The last item of the batch (the next batch starts after it); null when there was nothing left. */
  readonly lastId: string | null;
  readonly count: number;
}

/** Ids of the tenant's products after `after` (none when this deployment has no catalog). */
const listProductIds = async (tx: SqlRunner, after: string | null, limit: number): Promise<string[]> =>
  (await catalogInstalled(tx)) ? listProductIdsForIndex(tx, after, limit) : [];

export const listIds = (tx: SqlRunner, kind: IndexKind, after: string | null, limit: number): Promise<string[]> =>
  kind === 'products' ? listProductIds(tx, after, limit) : listNodeIdsForIndex(tx, after, limit);

const productBatch = async (tx: SqlRunner, ids: readonly string[], options: BatchOptions): Promise<void> => {
  const locales = await loadProductLocales(tx);
  const sources = await loadProductIndexSources(tx, ids, locales.defaultLocale);
  await applyProducts(tx, ids, sources, locales, () => options.meta, options.locale);
};

const contentBatch = async (tx: SqlRunner, ids: readonly string[], options: BatchOptions): Promise<void> => {
  const locales = await tenantLocales(tx);
  for (const id of ids) await lockItem(tx, 'node', id);
  const sources = await loadNodeIndexSources(tx, ids);
  for (const id of ids) await applyNode(tx, id, sources.get(id) ?? null, locales, options.meta, options.locale);
};

/** Rebuilds the rows of the next `limit` items after `after` (id order), in the caller's transaction. */
export const rebuildBatch = async (
  tx: SqlRunner,
  kind: IndexKind,
  after: string | null,
  limit: number,
  options: BatchOptions,
): Promise<BatchResult> => {
  const ids = await listIds(tx, kind, after, limit);
  if (kind === 'products') await productBatch(tx, ids, options);
  else await contentBatch(tx, ids, options);
  return { lastId: ids.at(-1) ?? null, count: ids.length };
};

const TABLES: Readonly<Record<IndexKind, string>> = { products: 'index_products', content: 'index_content' };

/** After a complete pass: rows no pass touched belong to items that no longer exist. */
export const purgeUntouched = async (tx: SqlRunner, kind: IndexKind, since: string, locale?: string): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>(
    `WITH gone AS (DELETE FROM ${TABLES[kind]} WHERE indexed_at < $1 AND ($2::text IS NULL OR locale = $2) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [since, locale ?? null],
  );
  return rows[0]?.n ?? 0;
};

export const clockNow = async (tx: SqlRunner): Promise<string> => {
  const { rows } = await tx.query<{ now: Date | string }>('SELECT clock_timestamp() AS now');
  return new Date(rows[0]?.now ?? Date.now()).toISOString();
};
