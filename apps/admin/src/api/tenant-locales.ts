import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { gql } from './graphql.js';

/** The tenant's locales: texts are written in the default one, translated into the others. */
export interface TenantLocales {
  readonly defaultLocale: string;
  readonly supportedLocales: readonly string[];
}

const TenantLocalesDocument = graphql(`
  query TenantLocales {
    tenantLocales {
      defaultLocale
      supportedLocales
    }
  }
`);

export const tenantLocalesQuery = queryOptions({
  queryKey: ['settings', 'locales'],
  queryFn: async (): Promise<TenantLocales> => {
    const { tenantLocales } = await gql(TenantLocalesDocument);
    const defaultLocale = tenantLocales?.defaultLocale ?? 'en';
    return { defaultLocale, supportedLocales: tenantLocales?.supportedLocales ?? [defaultLocale] };
  },
  staleTime: 60_000,
});
