import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

interface TableStatus {
  readonly published: number;
  readonly tombstones: number;
  readonly lastIndexedAt: string | null;
  readonly lastEventAt: string | null;
}

/** GET /index/status: the tenant's storefront read models and their rebuild runs. */
export interface IndexStatus {
  readonly products: TableStatus;
  readonly content: TableStatus;
  readonly rebuilds: readonly {
    readonly kind: string;
    readonly locale: string | null;
    readonly startedAt: string;
    readonly processed: number;
    readonly finishedAt: string | null;
  }[];
}

export const indexStatusQuery = queryOptions({
  queryKey: ['index', 'status'],
  queryFn: () => api<IndexStatus>('/index/status'),
  refetchInterval: 2_000,
});

export const requestRebuild = (kinds: ('products' | 'content')[]) =>
  api<{ eventId: string; kinds: string[] }>('/index/rebuild', { method: 'POST', body: { kinds } });
