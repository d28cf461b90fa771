import { defineModule } from '@rustok/kernel';
import { pagesErrors } from './errors.js';
import { pagesEvents } from './events.js';
import { pagesGraphQL } from './graphql.js';
import { pagesMigrations } from './migrations.js';
import { menuRoutes } from './routes/menus.js';
import { pageRoutes } from './routes/pages.js';
import { seedPagesDemo } from './seed.js';

const PAGES_PERMISSIONS = [
  'pages.pages.read',
  'pages.pages.create',
  'pages.pages.update',
  'pages.pages.publish',
  'pages.pages.delete',
  'pages.menus.manage',
] as const;

/** Static pages (content nodes of kind `page`) with ordered typed blocks, and navigation menus. */
export const pagesModule = defineModule({
  slug: 'pages',
  name: 'Pages',
  description: 'Static pages built from typed blocks, and navigation menus',
  version: '0.1.0',
  kind: 'optional',
  errors: [pagesErrors],
  dependencies: ['content'],
  uses: [
    { slug: 'commerce', optional: true },
    { slug: 'media', optional: true },
  ],
  permissions: [...PAGES_PERMISSIONS],
  migrations: pagesMigrations,
  events: { emits: pagesEvents },
  rest: async (app) => {
    await app.register(pageRoutes);
    await app.register(menuRoutes);
  },
  graphql: pagesGraphQL,
  seed: { demo: seedPagesDemo },
});
