import type { Database } from '@rustok/db';
import type { FastifyBaseLogger } from 'fastify';
import { type AuditEntry, writeAudits } from './store.js';

interface Pending {
  readonly entry: AuditEntry;
  readonly written: () => void;
}

/** Rows per statement. */
const MAX_ROWS = 500;
/** At most one write of queued rows per this many milliseconds while calls keep coming. */
const SPACING_MS = 20;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AuditWriter {
  /**
   * Queues a call's row: resolves at once, so the call answers without waiting for it; once the
   * server is closing, only when the row is written (so no row outlives the database).
   */
  readonly write: (entry: AuditEntry) => Promise<void>;
  /** Resolves once every row queued so far is written (or its failure logged). */
  readonly flush: () => Promise<void>;
  /** From now on every write is waited for; resolves once the queue is empty. */
  readonly close: () => Promise<void>;
}

/**
 * The audit rows of one database's calls, written in the background and together: a row that comes
 * when nothing is being written goes at once; rows that come meanwhile wait for that write and go
 * in one statement per tenant, at most one write per SPACING_MS. A failed write is logged.
 */
export const createAuditWriter = (db: Database, logger: FastifyBaseLogger, spacingMs = SPACING_MS): AuditWriter => {
  let pending: Pending[] = [];
  let draining: Promise<void> | undefined;
  let closing = false;
  const writeGroup = async (group: readonly Pending[]): Promise<void> => {
    const entries = group.map((p) => p.entry);
    try {
      await writeAudits(db, entries[0]?.tenantId ?? '', entries);
    } catch (error) {
      logger.error({ err: error, tools: entries.map((e) => e.tool) }, 'MCP audit rows not written');
    }
    for (const p of group) p.written();
  };
  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const started = performance.now();
      const batch = pending;
      pending = [];
      await Promise.all(byTenant(batch).map(writeGroup));
      const rest = spacingMs - (performance.now() - started);
      if (pending.length > 0 && !closing && rest > 0) await sleep(rest);
    }
    draining = undefined;
  };
  const flush = async (): Promise<void> => {
    while (draining) await draining;
  };
  return {
    write: (entry) => {
      const written = new Promise<void>((resolve) => pending.push({ entry, written: resolve }));
      draining ??= drain();
      return closing ? written : Promise.resolve();
    },
    flush,
    close: () => {
      closing = true;
      return flush();
    },
  };
};

const writers = new WeakMap<Database, AuditWriter>();

/** The audit writer of a database (one per database, shared by the MCP routes and the audit route). */
export const auditWriterOf = (db: Database, logger: FastifyBaseLogger): AuditWriter => {
  let writer = writers.get(db);
  if (!writer) {
    writer = createAuditWriter(db, logger);
    writers.set(db, writer);
  }
  return writer;
};
