// The reference route of the storefront suite: bare Fastify calling the index module's own read
// use-cases (the built modules/index/dist) over the database package, so it sends exactly the
// statements the server sends, through the same tenant read pool (read-only sessions under
// row-level security), and answers the same JSON text. What it leaves out is the server's request
// pipeline: tenant resolution, access control, the hooks (request ids, security headers, CORS,
// metrics) and the response schema. Spawned by storefront.mjs as its own process:
//   node bench/suites/storefront-bare.mjs <port> <database-url> <pool-size>
import { openPostgres } from '@rustok/db';
import Fastify from 'fastify';
import { indexOptions } from '../../modules/index/dist/options.js';
import { productText } from '../../modules/index/dist/search/product.js';
import { listProductsText } from '../../modules/index/dist/search/products.js';
import { APP_ROLE } from '../lib.mjs';

const [port, url, poolSize] = process.argv.slice(2);
const db = await openPostgres({ url, appRole: APP_ROLE, poolMax: 2, readPoolMax: Number(poolSize ?? 10) });

/** The index module's options with nothing configured: its own defaults (modules/index/src/options.ts). */
const settings = indexOptions({ settings: { rustok: {} } });
const contextOf = (tenantId) => ({ db, tenantId, defaultLocale: settings.search.default_locale, ...settings });
const json = (reply, text) => reply.type('application/json; charset=utf-8').send(text);

const app = Fastify({ logger: false });
app.get('/list', (request, reply) => listProductsText(contextOf(request.query.t), { limit: 20 }).then((text) => json(reply, text)));
app.get('/search', (request, reply) =>
  listProductsText(contextOf(request.query.t), { q: String(request.query.q), limit: 20 }).then((text) => json(reply, text)),
);
app.get('/handle', (request, reply) =>
  productText(contextOf(request.query.t), String(request.query.h), undefined).then((text) => json(reply, text)),
);
app.get('/ready', async () => ({ ok: true }));

await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  app.close().then(() => db.close().then(() => process.exit(0)));
});
