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
  readonly settings: Readonly<Record<string, unknown>>;
  /** The JSON Schema of the settings (the form is built from it); null when the module has none. */
  readonly settingsSchema: Readonly<Record<string, unknown>> | null;
}

export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: () => api<ModuleInfo[]>('/modules'),
  staleTime: 30_000,
});

export const setModuleEnabled = ({ slug, enabled, settings }: { slug: string; enabled: boolean; settings?: unknown }) =>
  api<ModuleInfo>(`/modules/${encodeURIComponent(slug)}`, {
    method: 'PUT',
    body: { enabled, ...(settings === undefined ? {} : { settings }) },
  });
