import { defineModule } from '@rustok/kernel';
import { commerceErrors } from './errors.js';
import { commerceEvents } from './events.js';
import { commerceGraphQL } from './graphql/index.js';
import { cartExpiryJob } from './jobs/cart-expiry.js';
import { priceWindowsJob } from './jobs/price-windows.js';
import { commerceMcp } from './mcp/index.js';
import { commerceMigrations } from './migrations.js';
import { orderPartitionsJob } from './order-partitions.js';
import { catalogRoutes } from './routes/catalog.js';
import { orderRoutes } from './routes/orders.js';
import { shopRoutes } from './routes/shop.js';
import { statsRoutes } from './routes/stats.js';
import { storeRoutes } from './routes/store.js';
import { seedCommerceDemo } from './seed.js';
import { CommerceSettingsSchema } from './settings.js';
import { bindProductWriteChecks } from './write-checks.js';

const COMMERCE_PERMISSIONS = [
  'commerce.products.read',
  'commerce.products.write',
  'commerce.products.publish',
  'commerce.products.delete',
  'commerce.prices.manage',
  'commerce.inventory.manage',
  'commerce.settings.manage',
  'commerce.orders.read',
  'commerce.orders.read_own',
  'commerce.orders.manage',
  'commerce.orders.refund',
] as const;

/** Catalog, prices, inventory, carts, checkout and orders. Orders, payments and stock take no custom data. */
export const commerceModule = defineModule({
  slug: 'commerce',
  name: 'Commerce',
  description: 'Products with variants and multi-currency prices, inventory, carts, checkout and orders',
  version: '0.1.0',
  kind: 'optional',
  // Product images may name media assets (read through its contracts when it is there).
  uses: [{ slug: 'media', optional: true }],
  errors: [commerceErrors],
  permissions: [...COMMERCE_PERMISSIONS],
  config: CommerceSettingsSchema,
  migrations: commerceMigrations,
  events: { emits: commerceEvents },
  rest: async (app) => {
    bindProductWriteChecks(app);
    await app.register(catalogRoutes);
    await app.register(shopRoutes);
    await app.register(storeRoutes);
    await app.register(orderRoutes);
    await app.register(statsRoutes);
  },
  graphql: commerceGraphQL,
  jobs: [cartExpiryJob, priceWindowsJob, orderPartitionsJob],
  seed: { demo: seedCommerceDemo },
  mcp: commerceMcp,
});
