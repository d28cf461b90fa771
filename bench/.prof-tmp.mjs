import { randomBytes } from 'node:crypto';
import { openPostgres } from '@rustok/db';
import { APP_ROLE, root, serverEnv, throwAwayDatabase } from './lib.mjs';
import { cannon, startBare, startServer } from './suites/storefront-http.mjs';
import { createTenants, seedCatalog } from './suites/storefront-seed.mjs';

const adminUrl = process.env.DATABASE_URL;
const tmp = await throwAwayDatabase(adminUrl);
const env = {
  ...serverEnv({ environment: 'production', logLevel: 'warn' }),
  DATABASE_URL: tmp.url,
  ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/idx/prof' } : {}),
};
const server = await startServer({ root, env, readyTimeoutMs: 120000 });
const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, poolMax: 8 });
const tenants = await createTenants(db, 'shop', 1);
await seedCatalog({ db, tenants, perTenant: 2000, log: console.error });
const bare = await startBare({ root, url: tmp.url, poolMax: 10 });
const t = tenants[0];
const path = process.env.PATHQ ?? '/api/v1/store/products?limit=20';
for (const [name, base, p] of [
  ['rest', server.base, path],
  ['bare', bare.base, `/list?t=${t.id}`],
]) {
  const target = { headers: { 'x-tenant-id': t.slug }, setup: (r) => ({ ...r, path: p }) };
  await cannon({ base, target, connections: 50, duration: 3 });
  const { result } = await cannon({ base, target, connections: 50, duration: 10 });
  console.log(name, Math.round(result.requests.total / result.duration), result.latency.p50, result.latency.p99);
}
await bare.stop();
await server.stop();
await db.close();
await tmp.dispose();
