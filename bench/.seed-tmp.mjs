import { openPostgres } from '@rustok/db';
import { APP_ROLE, root, serverEnv, withAdmin } from './lib.mjs';
import { startServer } from './suites/storefront-http.mjs';
import { createTenants, seedCatalog } from './suites/storefront-seed.mjs';

const url = 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof';
await withAdmin('postgres://postgres@127.0.0.1:5432/postgres', async (c) => {
  await c.query('DROP DATABASE IF EXISTS rustok_idx_prof WITH (FORCE)');
  await c.query('CREATE DATABASE rustok_idx_prof');
});
const env = { ...serverEnv({ environment: 'production', logLevel: 'warn' }), DATABASE_URL: url };
const server = await startServer({ root, env, readyTimeoutMs: 120000 });
const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 8 });
const tenants = await createTenants(db, 'shop', Number(process.env.TENANTS ?? 1));
await seedCatalog({ db, tenants, perTenant: Number(process.env.PER ?? 2000), log: console.error });
await server.stop();
await db.close();
console.log(tenants[0].id);
