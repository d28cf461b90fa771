import { catalogInstalled, countProductsForIndex } from '@rustok/commerce/contracts';
import { countNodesForIndex } from '@rustok/content/contracts';
import type { Database } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { REBUILD } from '../apply/common.js';
import { INDEX_KINDS, type IndexKind } from '../events.js';
import { analyzeRebuilt } from './analyze.js';
import { purgeUntouched, rebuildBatch } from './batch.js';
import type { RebuildReport } from './in-tx.js';

export interface RebuildProgress {
  readonly kind: IndexKind;
  readonly processed: number;
  readonly total: number;
  readonly resumed: boolean;
}

export interface RunOptions {
  readonly kinds?: readonly IndexKind[];
  readonly locale?: string | undefined;
  readonly batchSize?: number;
  /** Start over even when an earlier run of the same kind and locale stopped half-way. */
  readonly restart?: boolean;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

interface RunState {
  readonly startedAt: string;
  readonly afterId: string | null;
  readonly processed: number;
  readonly resumed: boolean;
}

const countItems = async (tx: SqlRunner, kind: IndexKind): Promise<number> => {
  if (kind === 'content') return countNodesForIndex(tx);
  return (await catalogInstalled(tx)) ? countProductsForIndex(tx) : 0;
};

/** The unfinished run of this kind and locale to resume, or a fresh one. */
const startRun = async (tx: SqlRunner, kind: IndexKind, locale: string, restart: boolean): Promise<RunState> => {
  const { rows } = await tx.query<{ started_at: Date | string; after_id: string | null; processed: number; finished_at: unknown }>(
    'SELECT started_at, after_id, processed, finished_at FROM index_rebuild_runs WHERE kind = $1 AND locale = $2',
    [kind, locale],
  );
  const prior = rows[0];
  if (prior && prior.finished_at === null && !restart) {
    return { startedAt: new Date(prior.started_at).toISOString(), afterId: prior.after_id, processed: prior.processed, resumed: true };
  }
  const { rows: fresh } = await tx.query<{ started_at: Date | string }>(
    `INSERT INTO index_rebuild_runs (kind, locale) VALUES ($1, $2)
     ON CONFLICT (tenant_id, kind, locale) DO UPDATE
       SET started_at = clock_timestamp(), after_id = NULL, processed = 0, finished_at = NULL
     RETURNING started_at`,
    [kind, locale],
  );
  return { startedAt: new Date(fresh[0]?.started_at ?? Date.now()).toISOString(), afterId: null, processed: 0, resumed: false };
};

/** One batch and its checkpoint in one transaction; the last (empty) batch purges and closes the run. */
const step = async (tx: SqlRunner, kind: IndexKind, locale: string, state: RunState, options: RunOptions) => {
  const batch = await rebuildBatch(tx, kind, state.afterId, options.batchSize ?? 200, { locale: options.locale, meta: REBUILD });
  if (batch.lastId) {
    await tx.query('UPDATE index_rebuild_runs SET after_id = $3, processed = processed + $4 WHERE kind = $1 AND locale = $2', [
      kind,
      locale,
      batch.lastId,
      batch.count,
    ]);
    return { ...state, afterId: batch.lastId, processed: state.processed + batch.count, purged: undefined };
  }
  const purged = await purgeUntouched(tx, kind, state.startedAt, options.locale);
  await tx.query('UPDATE index_rebuild_runs SET finished_at = clock_timestamp() WHERE kind = $1 AND locale = $2', [kind, locale]);
  return { ...state, purged };
};

const rebuildKind = async (db: Database, tenantId: string, kind: IndexKind, options: RunOptions): Promise<RebuildReport> => {
  const locale = options.locale ?? '';
  const total = await db.transaction((tx) => countItems(tx, kind), { tenantId });
  let state: RunState & { purged?: number | undefined } = await db.transaction(
    (tx) => startRun(tx, kind, locale, options.restart === true),
    {
      tenantId,
    },
  );
  options.onProgress?.({ kind, processed: state.processed, total, resumed: state.resumed });
  for (;;) {
    const current = state;
    state = await db.transaction((tx) => step(tx, kind, locale, current, options), { tenantId });
    options.onProgress?.({ kind, processed: state.processed, total: Math.max(total, state.processed), resumed: state.resumed });
    if (state.purged !== undefined) return { kind, items: state.processed, purged: state.purged };
  }
};

/**
 * Rebuilds a tenant's read models in batches, one transaction per batch with its checkpoint
 * (index_rebuild_runs): a run that stops half-way resumes after its last committed batch. A table
 * it rewrote a good part of is analyzed at the end.
 */
export const rebuildTenant = async (db: Database, tenantId: string, options: RunOptions = {}): Promise<RebuildReport[]> => {
  const reports: RebuildReport[] = [];
  for (const kind of options.kinds ?? INDEX_KINDS) reports.push(await rebuildKind(db, tenantId, kind, options));
  await analyzeRebuilt(db, reports);
  return reports;
};
