import type { Database } from '@rustok/db';
import { type AuditEntry, writeAudits } from './store.js';

interface Pending {
  readonly entry: AuditEntry;
  readonly done: () => void;
  readonly failed: (error: unknown) => void;
}

/** Rows per statement (11 parameters each, well under PostgreSQL's 65,535). */
const MAX_ROWS = 500;

const byTenant = (batch: readonly Pending[]): Pending[][] => {
  const groups = new Map<string, Pending[]>();
  for (const p of batch) {
    const group = groups.get(p.entry.tenantId);
    if (group) group.push(p);
    else groups.set(p.entry.tenantId, [p]);
  }
  return [...groups.values()].flatMap((g) =>
    Array.from({ length: Math.ceil(g.length / MAX_ROWS) }, (_, i) => g.slice(i * MAX_ROWS, (i + 1) * MAX_ROWS)),
  );
};

const writeGroup = async (db: Database, group: readonly Pending[]): Promise<void> => {
  try {
    await writeAudits(
      db,
      group[0]?.entry.tenantId ?? '',
      group.map((p) => p.entry),
    );
    for (const p of group) p.done();
  } catch (error) {
    for (const p of group) p.failed(error);
  }
};

/**
 * The audit rows of concurrent calls, written together (group commit): the first row is written at
 * once; rows that come while a write is under way wait for it and then go in one statement per
 * tenant. Each call's promise resolves when its own row is committed (or rejects with the error),
 * so a call still answers only once its audit row is written, for one transaction per batch
 * instead of one per call.
 */
export const createAuditWriter = (db: Database) => {
  let pending: Pending[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      await Promise.all(byTenant(batch).map((group) => writeGroup(db, group)));
    }
    draining = false;
  };
  return (entry: AuditEntry): Promise<void> =>
    new Promise<void>((done, failed) => {
      pending.push({ entry, done, failed });
      if (draining) return;
      draining = true;
      void drain();
    });
};
