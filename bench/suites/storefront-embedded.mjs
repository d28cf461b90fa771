// Embedded scenario of the storefront suite: the built server on the embedded database (PGlite in a
// data directory) against the index module's newest-list statement run directly on PGlite over the
// same data (storefront-embedded-direct.mjs). The two cannot share the directory at once, so they run
// one after the other, each after its own warm-up. See bench/README.md.
import { join } from 'node:path';
import { openDatabase } from '@rustok/db';
import { APP_ROLE, freePort, log, round, serverEnv, tempDataDir } from '../lib.mjs';
import { cannon, startReference, startServer, summary } from './storefront-http.mjs';
import { createTenants, seedCatalog } from './storefront-seed.mjs';

const database = (dir) => ({
  url: null,
  data_dir: dir,
  pool_max: 5,
  read_pool_max: 2,
  app_role: APP_ROLE,
  statement_timeout_ms: 30_000,
  embedded_shared_buffers_mb: 32,
});

/** Migrations through the built server (its first start), then the catalog written and indexed in this process. */
const prepare = async ({ root, dir, env, o }) => {
  const first = await startServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
  await first.stop();
  const { db } = await openDatabase({ config: { database: database(dir) }, root: dir });
  try {
    const [tenant] = await createTenants(db, 'shop', 1);
    await seedCatalog({ db, tenants: [tenant], perTenant: o.products, log: (l) => log(`embedded: ${l}`) });
    await db.query('ANALYZE');
    return tenant;
  } finally {
    await db.close();
  }
};

const measureOne = async ({ base, path, headers, o }) => {
  const target = { headers, setup: (req) => ({ ...req, path }) };
  await cannon({ base, target, connections: o.connections, duration: o.warmupS });
  const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.durationS });
  return { requestsPerSecond: round(result.requests.total / result.duration, 0), ...summary(latencies), non2xx: result.non2xx };
};

/** { results: { embedded-list, direct-list }, percentOfDirect } for one tenant with `o.products` products. */
export const runEmbedded = async ({ root, o, problems }) => {
  const data = tempDataDir();
  const env = { ...serverEnv({ environment: 'production', logLevel: 'warn' }), DATABASE_URL: '', RUSTOK_DATABASE__DATA_DIR: data.dir };
  try {
    const tenant = await prepare({ root, dir: data.dir, env, o });
    log(`embedded list: ${o.warmupS} s warm-up, then ${o.durationS} s, -c ${o.connections}; then the direct statement the same way`);
    const server = await startServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
    let embedded;
    try {
      embedded = await measureOne({
        base: server.base,
        path: '/api/v1/store/products?limit=20',
        headers: { 'x-tenant-id': tenant.slug },
        o,
      });
    } finally {
      await server.stop();
    }
    const port = await freePort();
    const direct = await startReference({
      root,
      what: 'direct PGlite route',
      args: [join(root, 'bench/suites/storefront-embedded-direct.mjs'), String(port), data.dir, tenant.id],
      env: {},
      port,
      readyText: 'ready',
    });
    let directList;
    try {
      directList = await measureOne({ base: direct.base, path: '/list', headers: {}, o });
    } finally {
      await direct.stop();
    }
    for (const [key, r] of [
      ['embedded-list', embedded],
      ['direct-list', directList],
    ])
      if (r.non2xx > 0) problems.push(`embedded ${key}: ${r.non2xx} non-2xx`);
    return {
      tenants: 1,
      productsPerTenant: o.products,
      products: o.products,
      results: {
        'embedded-list': { label: 'REST list-20 (embedded)', ...embedded },
        'direct-list': { label: 'direct PGlite list statement', ...directList },
      },
      percentOfDirect: { list: round((embedded.requestsPerSecond / directList.requestsPerSecond) * 100, 1) },
    };
  } finally {
    await data.dispose();
  }
};
