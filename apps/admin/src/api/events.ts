import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** GET /admin/events/stats: the event system across the platform. */
export interface EventStats {
  readonly transport: string;
  readonly reliabilityLevel: string;
  readonly backlog: number;
  readonly oldestPendingAgeSeconds: number | null;
  readonly deadLetters: number;
  readonly byType: readonly {
    readonly type: string;
    readonly published: number;
    readonly pending: number;
    readonly dispatched: number;
    readonly retrying: number;
    readonly dead: number;
  }[];
}

/** An event that failed every attempt of at least one consumer. */
export interface DeadLetter {
  readonly id: string;
  readonly tenantId: string;
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly failedConsumers: readonly string[];
  readonly deadAt: string;
}

export const eventStatsQuery = queryOptions({
  queryKey: ['events', 'stats'],
  queryFn: () => api<EventStats>('/admin/events/stats'),
  refetchInterval: 10_000,
});

export const deadLettersQuery = queryOptions({
  queryKey: ['events', 'dlq'],
  queryFn: () => api<{ items: DeadLetter[]; nextCursor: string | null }>('/admin/events/dlq?limit=100'),
});

export const replayDeadLetter = (id: string) =>
  api<{ id: string; replayed: boolean }>(`/admin/events/dlq/${id}/replay`, { method: 'POST' });
