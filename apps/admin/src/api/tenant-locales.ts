import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** The tenant's locales: texts are written in the default one, translated into the others. */
export interface TenantLocales {
  readonly defaultLocale: string;
  readonly supportedLocales: readonly string[];
}

export const tenantLocalesQuery = queryOptions({
  queryKey: ['settings', 'locales'],
  queryFn: () => api<TenantLocales>('/settings/locales'),
  staleTime: 60_000,
});
