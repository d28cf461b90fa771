import { defineModule } from '@rustok/kernel';
import { eventAdminRoutes } from './admin-routes.js';
import { eventsErrors } from './errors.js';
import { eventsGraphQL } from './graphql.js';
import { eventsMcp } from './mcp.js';
import { outboxMigrations } from './outbox/migrations.js';
import { outboxPartitionsJob } from './outbox/partitions.js';
import { outboxRetentionJob } from './outbox/retention.js';

/** The event system as a core module: its tables, its admin routes, the outbox's partition and retention jobs. The runtime is the bus. */
export const eventsModule = defineModule({
  slug: 'events',
  name: 'Events',
  description: 'Versioned event catalog, transactional outbox, relay, dead letters and streaming',
  version: '0.1.0',
  kind: 'core',
  errors: [eventsErrors],
  permissions: ['events.admin.read', 'events.admin.replay'],
  migrations: outboxMigrations,
  rest: eventAdminRoutes,
  graphql: eventsGraphQL,
  mcp: eventsMcp,
  jobs: [outboxPartitionsJob, outboxRetentionJob],
});
