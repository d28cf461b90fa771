import { defineModule } from '@rustok/kernel';
import { seedTenancyDemo } from './demo-seed.js';
import { tenancyErrors } from './errors.js';
import { tenancyEvents } from './events.js';
import { featureFlagsGraphQL } from './feature-flags-graphql.js';
import { featureFlagRoutes } from './feature-flags-routes.js';
import { tenancyGraphQL } from './graphql.js';
import { localeGraphQL, localeRoutes } from './locales-routes.js';
import { tenancyMigrations } from './migrations.js';
import { moduleRoutes } from './modules-routes.js';
import { storeSettingsRoute } from './store-settings-route.js';
import { storefrontSettingsGraphQL } from './storefront-settings-graphql.js';
import { storefrontSettingsRoutes } from './storefront-settings-routes.js';

/** Tenants, their domains and their modules, as a platform module. */
export const tenancyModule = defineModule({
  slug: 'tenancy',
  name: 'Tenancy',
  description: 'Tenants, custom domains, per-request resolution and per-tenant modules',
  version: '0.1.0',
  kind: 'core',
  errors: [tenancyErrors],
  permissions: ['tenancy.modules.read', 'tenancy.modules.manage', 'tenancy.settings.manage'],
  migrations: tenancyMigrations,
  seed: { demo: seedTenancyDemo },
  events: { emits: tenancyEvents },
  rest: async (app) => {
    await app.register(moduleRoutes);
    await app.register(localeRoutes);
    await app.register(storeSettingsRoute);
    await app.register(storefrontSettingsRoutes);
    await app.register(featureFlagRoutes);
  },
  graphql: (builder) => {
    tenancyGraphQL(builder);
    localeGraphQL(builder);
    storefrontSettingsGraphQL(builder);
    featureFlagsGraphQL(builder);
  },
});
