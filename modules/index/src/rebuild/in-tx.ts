import type { SqlRunner } from '@rustok/kernel';
import { REBUILD } from '../apply/common.js';
import { INDEX_KINDS, type IndexKind } from '../events.js';
import { analyzeRebuilt } from './analyze.js';
import { clockNow, purgeUntouched, rebuildBatch } from './batch.js';

export interface RebuildOptions {
  readonly kinds?: readonly IndexKind[];
  readonly locale?: string | undefined;
  readonly batchSize?: number;
}

export interface RebuildReport {
  readonly kind: IndexKind;
  readonly items: number;
  readonly purged: number;
}

/**
 * Rebuilds a tenant's read models inside one transaction of that tenant (the handler of
 * index.reindex.requested, and the demo seed): all or nothing, the storefront never sees a half.
 * A table it rewrote a good part of is analyzed at the end, in the same transaction.
 */
export const rebuildInTx = async (tx: SqlRunner, options: RebuildOptions = {}): Promise<RebuildReport[]> => {
  const reports: RebuildReport[] = [];
  for (const kind of options.kinds ?? INDEX_KINDS) {
    const since = await clockNow(tx);
    let after: string | null = null;
    let items = 0;
    for (;;) {
      const batch = await rebuildBatch(tx, kind, after, options.batchSize ?? 500, { locale: options.locale, meta: REBUILD });
      items += batch.count;
      if (!batch.lastId) break;
      after = batch.lastId;
    }
    reports.push({ kind, items, purged: await purgeUntouched(tx, kind, since, options.locale) });
  }
  await analyzeRebuilt(tx, reports);
  return reports;
};
