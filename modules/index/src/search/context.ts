import type { Database } from '@rustok/db';
import type { IndexOptions } from '../options.js';

/** What a storefront read needs: the database, the tenant, its default locale and the settings. */
export interface StoreContext {
  readonly db: Database;
  readonly tenantId: string;
  readonly defaultLocale: string;
  readonly search: IndexOptions['search'];
  readonly index: IndexOptions['index'];
}
