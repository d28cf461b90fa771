import Fastify from 'fastify';
import pg from 'pg';

const [port, url] = process.argv.slice(2);
const owner = new pg.Pool({ connectionString: url, max: 10 });
const app_ = new pg.Pool({ connectionString: url, max: 10, options: '-c role=rustok_app' });
const SUMMARY = `product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags, published_at`;
const LIST = `SELECT ${SUMMARY}, (published_at)::text AS sort_key FROM index_products WHERE tenant_id = $1 AND locale = $2 AND status = 'published' AND TRUE ORDER BY published_at DESC, product_id DESC LIMIT $3`;
const LISTA = `SELECT to_json(x) FROM (SELECT ${SUMMARY}, (published_at)::text AS sort_key FROM index_products WHERE tenant_id = $1[1]::uuid AND locale = $1[2] AND status = 'published' AND TRUE ORDER BY published_at DESC, product_id DESC LIMIT $1[3]::int) x`;
const app = Fastify();
app.get('/list', async (r) => (await owner.query(LIST, [r.query.t, 'en', 21])).rows);
app.get('/list4', async (r) => {
  const c = await app_.connect();
  try {
    await c.query('BEGIN READ ONLY');
    await c.query("SELECT set_config('app.tenant_id', $1, true)", [r.query.t]);
    const rows = (await c.query(LIST, [r.query.t, 'en', 21])).rows;
    await c.query('COMMIT');
    return rows;
  } finally {
    c.release();
  }
});
app.get('/listfn', async (r) =>
  (await app_.query('SELECT tmp_index_read($1, $2, $3) AS r', [r.query.t, LISTA, [r.query.t, 'en', '21']])).rows.map((x) => x.r),
);
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
