import type { Database } from '@rustok/db';
import { Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Process-wide state of the index: a generation per tenant (bumped when a handler commits, so cached
 * storefront answers of that tenant are not served again) and the last event applied (index lag).
 */
const generations = new Map<string, number>();
let lastOccurredAt: number | undefined;

export const generationOf = (tenantId: string): number => generations.get(tenantId) ?? 0;

const invalidateTenant = (tenantId: string): void => {
  generations.set(tenantId, generationOf(tenantId) + 1);
};

const applyDelay = new Histogram({
  name: 'rustok_index_apply_delay_seconds',
  help: 'Time from an event (occurredAt) to its read-model rows being written',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [],
});

const lag = new Gauge({
  name: 'rustok_index_lag_seconds',
  help: 'Now minus occurredAt of the last event the index applied in this process (grows while nothing is written)',
  registers: [],
  collect() {
    this.set(lastOccurredAt === undefined ? 0 : Math.max(0, (Date.now() - lastOccurredAt) / 1000));
  },
});

/** What an index write changed: `product:<id>` and `products`, `node:<id>` and `content`, or every row of the tenant. */
export type IndexChangeTags = readonly string[] | 'all';
export type IndexChangeListener = (change: { readonly tenantId: string; readonly tags: IndexChangeTags }) => void;

const listeners = new Set<IndexChangeListener>();

/**
 * Hears every index write of this process once it has committed (e.g. a page cache purging by
 * tag). A listener that throws is not let to break the handler. Returns the unsubscribe.
 */
export const onIndexApplied = (listener: IndexChangeListener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const tell = (tenantId: string, tags: IndexChangeTags): void => {
  for (const listener of listeners) {
    try {
      listener({ tenantId, tags });
    } catch {
      // A listener's failure is its own; the index write has committed.
    }
  }
};

/** Called once a handler's transaction has committed. */
export const recordApplied = (tenantId: string, occurredAt: string, tags: IndexChangeTags = 'all'): void => {
  invalidateTenant(tenantId);
  tell(tenantId, tags);
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) return;
  lastOccurredAt = Math.max(lastOccurredAt ?? at, at);
  applyDelay.observe(Math.max(0, (Date.now() - at) / 1000));
};

/** Adds the index metrics to an app's registry (/metrics): lag, apply delay, published rows per table. */
export const registerIndexMetrics = (registry: Registry, db: Database): void => {
  if (registry.getSingleMetric('rustok_index_lag_seconds')) return;
  registry.registerMetric(lag);
  registry.registerMetric(applyDelay);
  new Gauge({
    name: 'rustok_index_rows',
    help: 'Published rows of each storefront read model, every tenant',
    labelNames: ['table'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await db.query<{ table_name: string; row_count: number }>('SELECT table_name, row_count FROM index_row_counts()');
      for (const r of rows) this.set({ table: r.table_name }, Number(r.row_count));
    },
  });
};
