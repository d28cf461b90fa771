import { fastifyOf, type GraphQLBuilder, type GraphQLContext, parseInput, tenantOfContext } from '@rustok/kernel';
import { ModuleSlug, ToggleBody } from './modules-routes.js';
import type { ModuleState, ModuleToggles } from './tenant-modules.js';

const togglesOf = (ctx: GraphQLContext): { toggles: ModuleToggles; tenantId: string } => ({
  toggles: fastifyOf(ctx).moduleToggles,
  tenantId: tenantOfContext(ctx).id,
});

const moduleType = (builder: GraphQLBuilder) =>
  builder.objectRef<ModuleState>('TenantModule').implement({
    description: 'A module of the deployment, enabled or not for this tenant, with its settings',
    fields: (t) => ({
      slug: t.exposeString('slug'),
      name: t.exposeString('name'),
      description: t.exposeString('description'),
      version: t.exposeString('version'),
      kind: t.exposeString('kind', { description: 'core (always on) or optional' }),
      dependencies: t.exposeStringList('dependencies'),
      enabled: t.exposeBoolean('enabled'),
      settings: t.field({ type: 'JSON', resolve: (m) => m.settings }),
      settingsSchema: t.field({
        type: 'JSON',
        nullable: true,
        description: "The JSON Schema the module's settings must satisfy (null: the module has no settings)",
        resolve: (m) => m.settingsSchema,
      }),
    }),
  });

/**
 * The tenant's modules, as `GET /modules` and `PUT /modules/{slug}`: the same switches, checks and
 * codes (409 MODULE_DEPENDENCY_DISABLED / MODULE_HAS_DEPENDENTS / MODULE_CORE_CANNOT_BE_DISABLED,
 * 422 MODULE_SETTINGS_INVALID, 404 MODULE_NOT_FOUND).
 */
export const tenancyGraphQL = (builder: GraphQLBuilder): void => {
  const TenantModule = moduleType(builder);
  builder.queryField('tenantModules', (t) =>
    t.field({
      type: [TenantModule],
      description: 'Every module of the deployment, enabled or not for this tenant',
      authScopes: { permission: 'tenancy.modules.read' },
      resolve: (_root, _args, ctx) => {
        const { toggles, tenantId } = togglesOf(ctx);
        return toggles.list(tenantId);
      },
    }),
  );
  builder.mutationField('setTenantModule', (t) =>
    t.field({
      type: TenantModule,
      description: "Enable or disable a module for this tenant, or change its settings (validated against the module's schema)",
      authScopes: { permission: 'tenancy.modules.manage' },
      args: { slug: t.arg.string({ required: true }), enabled: t.arg.boolean({ required: true }), settings: t.arg({ type: 'JSON' }) },
      resolve: (_root, { slug, enabled, settings }, ctx) => {
        const { toggles, tenantId } = togglesOf(ctx);
        const body = parseInput(ToggleBody, settings == null ? { enabled } : { enabled, settings });
        return toggles.set(tenantId, parseInput(ModuleSlug, slug), body);
      },
    }),
  );
};
