import type { Database } from '@rustok/db';

export interface TableStatus {
  readonly published: number;
  readonly tombstones: number;
  readonly lastIndexedAt: string | null;
  readonly lastEventAt: string | null;
}

export interface RebuildRun {
  readonly kind: string;
  readonly locale: string | null;
  readonly startedAt: string;
  readonly processed: number;
  readonly finishedAt: string | null;
}

export interface IndexStatus {
  readonly products: TableStatus;
  readonly content: TableStatus;
  readonly rebuilds: RebuildRun[];
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

const tableStatus = (table: string) => `SELECT count(*) FILTER (WHERE status = 'published')::int AS published,
  count(*) FILTER (WHERE status <> 'published')::int AS tombstones, max(indexed_at) AS last_indexed, max(event_occurred_at) AS last_event
  FROM ${table}`;

type StatusRow = { published: number; tombstones: number; last_indexed: unknown; last_event: unknown };

const toStatus = (r: StatusRow | undefined): TableStatus => ({
  published: r?.published ?? 0,
  tombstones: r?.tombstones ?? 0,
  lastIndexedAt: iso(r?.last_indexed),
  lastEventAt: iso(r?.last_event),
});

/** GET /index/status: the tenant's rows per read model and its rebuild runs. */
export const indexStatus = (db: Database, tenantId: string): Promise<IndexStatus> =>
  db.transaction(
    async (tx) => {
      const products = await tx.query<StatusRow>(tableStatus('index_products'));
      const content = await tx.query<StatusRow>(tableStatus('index_content'));
      const runs = await tx.query<{ kind: string; locale: string; started_at: unknown; processed: number; finished_at: unknown }>(
        'SELECT kind, locale, started_at, processed, finished_at FROM index_rebuild_runs ORDER BY kind, locale',
      );
      return {
        products: toStatus(products.rows[0]),
        content: toStatus(content.rows[0]),
        rebuilds: runs.rows.map((r) => ({
          kind: r.kind,
          locale: r.locale || null,
          startedAt: iso(r.started_at) ?? '',
          processed: r.processed,
          finishedAt: iso(r.finished_at),
        })),
      };
    },
    { tenantId, readOnly: true },
  );
