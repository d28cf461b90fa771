import type { Database } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { INDEX_KINDS, type IndexKind } from '../events.js';
import { listIds } from '../rebuild/batch.js';
import { actualRows, differingFields, expectedRows } from './expected.js';

export interface DriftSample {
  readonly id: string;
  readonly locale: string;
  readonly problem: 'missing' | 'stale' | 'orphaned';
  readonly fields?: readonly string[];
}

export interface DriftReport {
  readonly kind: IndexKind;
  /** Items of the write model checked, and published rows expected from them. */
  readonly items: number;
  readonly expectedRows: number;
  readonly missing: number;
  readonly stale: number;
  readonly orphaned: number;
  readonly drift: number;
  /** The first few differences, to look at. */
  readonly samples: readonly DriftSample[];
}

export interface VerifyOptions {
  readonly kinds?: readonly IndexKind[];
  readonly locale?: string | undefined;
  readonly batchSize?: number;
}

interface Tally {
  items: number;
  expectedRows: number;
  missing: number;
  stale: number;
  orphaned: number;
  samples: DriftSample[];
}

const note = (t: Tally, key: string, problem: DriftSample['problem'], fields?: string[]) => {
  t[problem]++;
  const [id = '', locale = ''] = key.split('|');
  if (t.samples.length < 20) t.samples.push({ id, locale, problem, ...(fields ? { fields } : {}) });
};

const compareBatch = async (tx: SqlRunner, kind: IndexKind, ids: string[], t: Tally, locale?: string) => {
  const expected = await expectedRows(tx, kind, ids, locale);
  const actual = await actualRows(tx, kind, ids, locale);
  t.items += ids.length;
  t.expectedRows += expected.size;
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) note(t, key, 'missing');
    else {
      const fields = differingFields(want, got);
      if (fields.length > 0) note(t, key, 'stale', fields);
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) note(t, key, 'orphaned');
};

const ORPHANS_SQL: Readonly<Record<IndexKind, string>> = {
  products: `SELECT DISTINCT product_id AS id, locale FROM index_products WHERE status = 'published' AND ($1::text IS NULL OR locale = $1)`,
  content: `SELECT DISTINCT node_id AS id, locale FROM index_content WHERE status = 'published' AND ($1::text IS NULL OR locale = $1)`,
};

const verifyKind = async (db: Database, tenantId: string, kind: IndexKind, options: VerifyOptions): Promise<DriftReport> => {
  const t: Tally = { items: 0, expectedRows: 0, missing: 0, stale: 0, orphaned: 0, samples: [] };
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const ids = await db.transaction(
      async (tx) => {
        const batch = await listIds(tx, kind, from, options.batchSize ?? 200);
        await compareBatch(tx, kind, batch, t, options.locale);
        return batch;
      },
      { tenantId, isolation: 'repeatable read', readOnly: true },
    );
    for (const id of ids) seen.add(id);
    after = ids.at(-1) ?? null;
    if (!after) break;
  }
  const rows = await db.transaction((tx) => tx.query<{ id: string; locale: string }>(ORPHANS_SQL[kind], [options.locale ?? null]), {
    tenantId,
  });
  for (const r of rows.rows) if (!seen.has(r.id)) note(t, `${r.id}|${r.locale}`, 'orphaned');
  return { kind, ...t, drift: t.missing + t.stale + t.orphaned };
};

/** Compares a tenant's read models with its write model, row by row. */
export const verifyTenant = async (db: Database, tenantId: string, options: VerifyOptions = {}): Promise<DriftReport[]> => {
  const reports: DriftReport[] = [];
  for (const kind of options.kinds ?? INDEX_KINDS) reports.push(await verifyKind(db, tenantId, kind, options));
  return reports;
};
