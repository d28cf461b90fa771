import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const TenantModuleListDocument = graphql(`
  query TenantModuleList {
    tenantModules {
      slug
      name
      description
      kind
      dependencies
      enabled
      settings
      settingsSchema
    }
  }
`);

const SetTenantModuleDocument = graphql(`
  mutation SetTenantModule($slug: String!, $enabled: Boolean!, $settings: JSON) {
    setTenantModule(slug: $slug, enabled: $enabled, settings: $settings) {
      slug
      enabled
    }
  }
`);

type ModuleNode = NonNullable<ResultOf<typeof TenantModuleListDocument>['tenantModules']>[number];

/** A module of the deployment and whether it is on for this tenant (the schema's nullable fields filled in). */
const moduleOf = (m: ModuleNode) => ({
  slug: m.slug ?? '',
  name: m.name ?? '',
  description: m.description ?? '',
  kind: m.kind === 'core' ? ('core' as const) : ('optional' as const),
  dependencies: m.dependencies ?? [],
  enabled: m.enabled ?? false,
  settings: m.settings ?? {},
  /** The JSON Schema of the settings (the form is built from it); null when the module has none. */
  settingsSchema: m.settingsSchema ?? null,
});
export type ModuleInfo = ReturnType<typeof moduleOf>;

export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: async () => ((await gql(TenantModuleListDocument)).tenantModules ?? []).map(moduleOf),
  staleTime: 30_000,
});

export const setModuleEnabled = async ({ slug, enabled, settings }: { slug: string; enabled: boolean; settings?: unknown }) =>
  (await gql(SetTenantModuleDocument, { slug, enabled, settings: settings ?? null })).setTenantModule;
