import { defineModule } from '@rustok/kernel';
import { flexErrors } from './errors.js';
import { flexEvents } from './events.js';
import { flexAttachedGraphQL } from './graphql/attached.js';
import { flexEntriesGraphQL } from './graphql/entries.js';
import { flexEvolutionGraphQL } from './graphql/evolution.js';
import { flexSchemasGraphQL } from './graphql/schemas.js';
import { flexMcp } from './mcp.js';
import { flexMigrations } from './migrations.js';
import { FlexOptionsSchema } from './options.js';
import { attachedRoutes } from './routes/attached.js';
import { entryRoutes } from './routes/entries.js';
import { evolutionRoutes } from './routes/evolution.js';
import { schemaRoutes } from './routes/schemas.js';
import { attachedHandlers } from './use-cases/entity-deleted.js';
import { flexHandlers } from './use-cases/revalidate-schema.js';

export const FLEX_PERMISSIONS = [
  'flex.schemas.manage',
  'flex.entries.read',
  'flex.entries.create',
  'flex.entries.update',
  'flex.entries.delete',
  'flex.entries.publish',
] as const;

/**
 * Flex: tenant-defined schemas at run time (no migration, no restart, no rebuild), their standalone
 * entries as strictly validated JSONB, each schema version compiled once to JSON Schema 2020-12.
 * Depends on the platform only; no standard module depends on it.
 */
export const flexModule = defineModule({
  slug: 'flex',
  name: 'Flex',
  description: 'Tenant-defined schemas and custom content types, validated on write, changed at run time',
  version: '0.1.0',
  kind: 'optional',
  errors: [flexErrors],
  /**
   * Read only to check that referenced products and content nodes exist (a reference to an absent one is
   * refused) and that the entities fieldsets attach to are the tenant's; their deleted events remove those values.
   */
  uses: [
    { slug: 'commerce', optional: true },
    { slug: 'content', optional: true },
  ],
  permissions: [...FLEX_PERMISSIONS],
  options: FlexOptionsSchema,
  migrations: flexMigrations,
  events: { emits: flexEvents, handles: [...flexHandlers, ...attachedHandlers] },
  mcp: flexMcp,
  rest: async (app) => {
    await app.register(schemaRoutes);
    await app.register(entryRoutes);
    await app.register(attachedRoutes);
    await app.register(evolutionRoutes);
  },
  graphql: (builder) => {
    flexSchemasGraphQL(builder);
    flexEntriesGraphQL(builder);
    flexAttachedGraphQL(builder);
    flexEvolutionGraphQL(builder);
  },
});
