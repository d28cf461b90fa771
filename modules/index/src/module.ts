import type {} from '@rustok/events';
import { defineModule, setDeploymentDefaultLocale } from '@rustok/kernel';
import { indexCommands } from './commands/index.js';
import { indexErrors } from './errors.js';
import { indexEvents } from './events.js';
import { indexGraphQL } from './graphql/index.js';
import { indexHandlers } from './handlers.js';
import { reindexScheduleJob } from './jobs.js';
import { indexMcp } from './mcp.js';
import { indexMigrations } from './migrations.js';
import { IndexOptionsSchema, indexOptions } from './options.js';
import { adminRoutes } from './routes/admin.js';
import { storeRoutes } from './routes/store.js';
import { registerIndexMetrics } from './runtime.js';

const INDEX_PERMISSIONS = ['index.rebuild.run', 'index.status.read'] as const;

/**
 * Storefront read models (CQRS): index_products and index_content, written only by the index's
 * event consumers (and rebuilds), read by the storefront API with one statement per request.
 */
export const indexModule = defineModule({
  slug: 'index',
  name: 'Index',
  description: 'Storefront read models of products and content built from events, with full-text search, facets and keyset pages',
  version: '0.1.0',
  kind: 'core',
  errors: [indexErrors],
  dependencies: ['content'],
  uses: [
    { slug: 'commerce', optional: true },
    { slug: 'flex', optional: true },
  ],
  permissions: [...INDEX_PERMISSIONS],
  migrations: indexMigrations,
  events: { emits: indexEvents, handles: indexHandlers },
  options: IndexOptionsSchema,
  rest: async (app) => {
    // search.default_locale is the deployment's default locale: tenants whose settings name none use it.
    setDeploymentDefaultLocale(indexOptions(app.rustok.config).search.default_locale);
    registerIndexMetrics(app.events.metrics.registry, app.rustok.db);
    await app.register(storeRoutes);
    await app.register(adminRoutes);
  },
  graphql: indexGraphQL,
  jobs: [reindexScheduleJob],
  commands: indexCommands,
  mcp: indexMcp,
});
