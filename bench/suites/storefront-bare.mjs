// The reference route of the storefront suite: bare Fastify + pg running the storefront's single
// statements straight against index_products (owner connection, no transaction, no tenant
// resolution, no access control, no response schema). Spawned by storefront.mjs as its own process:
//   node bench/suites/storefront-bare.mjs <port> <database-url> <pool-size>
import Fastify from 'fastify';
import pg from 'pg';

const [port, url, poolSize] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: Number(poolSize ?? 10) });
pool.on('error', () => {});

const SUMMARY = `product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags, published_at`;

/** The same statements the index module sends (see modules/index/src/search). */
export const BARE_SQL = {
  list: `SELECT ${SUMMARY}, (published_at)::text AS sort_key FROM index_products
    WHERE tenant_id = $1 AND locale = $2 AND status = 'published' AND TRUE
    ORDER BY published_at DESC, product_id DESC LIMIT $3`,
  search: `SELECT ${SUMMARY}, (ts_rank_cd(search_vector, (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5)), 1))::text AS sort_key
    FROM index_products WHERE tenant_id = $1 AND locale = $2 AND status = 'published'
    AND search_vector @@ (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5))
    ORDER BY ts_rank_cd(search_vector, (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5)), 1) DESC, product_id DESC LIMIT $6`,
  handle: `SELECT ${SUMMARY}, description, seo_title, seo_description, currencies, variants, images
    FROM index_products WHERE tenant_id = $1 AND locale = $2 AND handle = $3 AND status = 'published'
    ORDER BY published_at DESC LIMIT 1`,
};

const app = Fastify({ logger: false });
app.get('/list', async (request) => (await pool.query(BARE_SQL.list, [request.query.t, 'en', 21])).rows);
app.get('/search', async (request) => {
  const q = String(request.query.q);
  return (await pool.query(BARE_SQL.search, [request.query.t, 'en', 'english', q, `${q}:*`, 21])).rows;
});
app.get('/handle', async (request) => (await pool.query(BARE_SQL.handle, [request.query.t, 'en', request.query.h])).rows[0]);
app.get('/ready', async () => ({ ok: true }));

await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  app.close().then(() => pool.end().then(() => process.exit(0)));
});
