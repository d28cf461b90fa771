import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** One code of GET /errors: what the deployment can answer with, and who declares it. */
export interface ErrorEntry {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
}

// REST: the GraphQL schema has no field for the error catalogue.
export const errorCatalogueQuery = queryOptions({
  queryKey: ['errors'],
  queryFn: () => api<{ errors: ErrorEntry[] }>('/errors'),
  staleTime: 300_000,
});

/** The entries whose code, status, title, meaning or owner contain every word of the filter (any case). */
export const filterErrors = (entries: readonly ErrorEntry[], filter: string): readonly ErrorEntry[] => {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((e) => {
    const text = `${e.code} ${e.status} ${e.title} ${e.description} ${e.owner}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
};
