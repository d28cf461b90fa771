import type { Database } from '@rustok/db';
import type { RustokSettings } from '@rustok/kernel';

/** What a storefront read needs: the database, the tenant, its default locale and the settings. */
export interface StoreContext {
  readonly db: Database;
  readonly tenantId: string;
  readonly defaultLocale: string;
  readonly search: RustokSettings['search'];
  readonly index: RustokSettings['index'];
}
