import { defineModule } from '@rustok/kernel';
import { tenancyMigrations } from '../migrations.js';

/** Only the tenancy tables, for suites that need the registry but not the whole platform. */
export const tenancyFixtureModule = defineModule({
  slug: 'tenancy',
  name: 'Tenancy (fixture)',
  description: 'tenants, tenant_domains and tenant_modules for tests',
  version: '0.0.0',
  kind: 'core',
  migrations: tenancyMigrations,
});
