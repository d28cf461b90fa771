import { defineModule } from '@rustok/kernel';
import { contentErrors } from './errors.js';
import { contentEvents } from './events.js';
import { contentGraphQL } from './graphql.js';
import { publishScheduledJob } from './jobs.js';
import { contentMcp } from './mcp.js';
import { contentMigrations } from './migrations.js';
import { nodeRoutes } from './routes/nodes.js';
import { taxonomyRoutes } from './routes/taxonomy.js';
import { seedContentDemo } from './seed.js';
import { ContentSettingsSchema } from './settings.js';

export const CONTENT_PERMISSIONS = [
  'content.nodes.read',
  'content.nodes.create',
  'content.nodes.update',
  'content.nodes.update_own',
  'content.nodes.publish',
  'content.nodes.delete',
  'content.categories.manage',
  'content.tags.manage',
] as const;

/** Content nodes with bodies, translations, categories, tags, revisions and a status machine. */
export const contentModule = defineModule({
  slug: 'content',
  name: 'Content',
  description: 'Nodes (posts, pages, topics, replies) with translations, categories, tags, revisions and publishing',
  version: '0.1.0',
  kind: 'core',
  errors: [contentErrors],
  permissions: [...CONTENT_PERMISSIONS],
  config: ContentSettingsSchema,
  migrations: contentMigrations,
  events: { emits: contentEvents },
  rest: async (app) => {
    await app.register(nodeRoutes);
    await app.register(taxonomyRoutes);
  },
  graphql: contentGraphQL,
  jobs: [publishScheduledJob],
  mcp: contentMcp,
  seed: { demo: seedContentDemo },
});
