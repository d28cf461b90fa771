// The embedded scenario's reference: the storefront's newest-list statement run directly on PGlite
// (the same data directory, opened as the application role, the tenant set once for the session),
// behind a bare Fastify route that joins the stored items: the least an embedded list can cost.
// Spawned by storefront-embedded.mjs:  node bench/suites/storefront-embedded-direct.mjs <port> <data-dir> <tenant-id>
import { fileURLToPath } from 'node:url';
import { openPglite } from '@rustok/db';
import { loadConfig } from '@rustok/kernel';
import Fastify from 'fastify';

const [port, dataDir, tenantId] = process.argv.slice(2);
// The server's buffer cache (database.embedded_shared_buffers_mb, from the same config and environment),
// so both read through the same.
const { database } = loadConfig({ dir: fileURLToPath(new URL('../../config/', import.meta.url)), environment: 'production' });
const db = await openPglite({ dataDir, appRole: 'rustok_app', sharedBuffersMb: database.embedded_shared_buffers_mb });
await db.query("SELECT set_config('app.tenant_id', $1, false)", [tenantId]);

/** The index module's newest list without filters (modules/index/src/search/product-pages.ts). */
const LIST = `SELECT summary FROM (SELECT summary FROM index_products
  WHERE tenant_id = $1::uuid AND locale = $2 AND status = 'published'
  ORDER BY published_at DESC, product_id DESC LIMIT 101) page LIMIT $3::int`;

const app = Fastify({ logger: false });
app.get('/list', async (_request, reply) => {
  const { rows } = await db.query(LIST, [tenantId, 'en', 21]);
  reply.type('application/json; charset=utf-8');
  return `[${rows.map((r) => r.summary).join(',')}]`;
});
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  app.close().then(() => db.close().then(() => process.exit(0)));
});
