import { apiErrors } from '@rustok/api';
import { dbErrors } from '@rustok/db';
import { defineModule } from '@rustok/kernel';
import { serverErrors } from '../errors.js';
import { jobHistoryMigration, jobRunsMigration } from '../jobs/claim.js';
import { statisticsJob } from '../jobs/statistics.js';
import { platformGraphQL } from './graphql.js';
import { tenantRoutes } from './tenant-routes.js';

/** Platform administration (every tenant): the super_admin's routes, and the platform's own jobs (planner statistics). */
export const platformModule = defineModule({
  slug: 'platform',
  name: 'Platform',
  description: 'Administration of tenants across the deployment',
  version: '0.1.0',
  kind: 'core',
  errors: [apiErrors, dbErrors, serverErrors],
  dependencies: ['tenancy', 'auth'],
  permissions: ['platform.tenants.manage'],
  migrations: [jobRunsMigration, jobHistoryMigration],
  jobs: [statisticsJob],
  rest: tenantRoutes,
  graphql: platformGraphQL,
});
