import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** GET /modules: every registered module and whether it is on for this tenant. */
export interface ModuleInfo {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly kind: 'core' | 'optional';
  readonly dependencies: readonly string[];
  readonly enabled: boolean;
}

export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: () => api<ModuleInfo[]>('/modules'),
  staleTime: 30_000,
});

export const setModuleEnabled = ({ slug, enabled }: { slug: string; enabled: boolean }) =>
  api<unknown>(`/modules/${encodeURIComponent(slug)}`, { method: 'PUT', body: { enabled } });
