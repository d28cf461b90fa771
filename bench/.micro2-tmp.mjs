import pg from 'pg';

const url = 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof';
const T = '01a2013d-b7c7-cb0c-766a-5d2a913d8405';
const c = new pg.Client({ connectionString: url, options: '-c role=rustok_app' });
await c.connect();
const o = new pg.Client({ connectionString: url });
await o.connect();
const S = `product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags`;
const direct = `SELECT ${S}, (ts_rank_cd(search_vector, (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5)), 1))::text AS sort_key
    FROM index_products WHERE tenant_id = $1 AND locale = $2 AND status = 'published'
    AND search_vector @@ (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5))
    ORDER BY ts_rank_cd(search_vector, (websearch_to_tsquery($3::regconfig, $4) || to_tsquery($3::regconfig, $5)), 1) DESC, product_id DESC LIMIT $6`;
const viaArr0 = direct
  .replace(/\$(\d)/g, (_, n) => `$1[${n}]`)
  .replace('tenant_id = $1[1]', 'tenant_id = $1[1]::uuid')
  .replace('LIMIT $1[6]', 'LIMIT $1[6]::int');
const viaArr = viaArr0.replaceAll('$1[3]::regconfig', "'english'::regconfig");
const time = async (name, fn) => {
  for (let i = 0; i < 100; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < 500; i++) await fn();
  console.log(name, (((performance.now() - t) / 500) * 1000).toFixed(0), 'µs');
};
await time('owner direct', () => o.query(direct, [T, 'en', 'english', 'lamp', 'lamp:*', 21]));
await time('app index_read', () =>
  c.query('SELECT index_read($1, $2, $3, $4) AS r', [T, viaArr, [T, 'en', 'english', 'lamp', 'lamp:*', '21'], null]),
);
await time('owner direct again', () => o.query(direct, [T, 'en', 'english', 'lamp', 'lamp:*', 21]));
const r = await o.query(
  `EXPLAIN ANALYZE ${direct.replace(/\$(\d)/g, (_, n) => ['', `'${T}'`, "'en'", "'english'", "'lamp'", "'lamp:*'", '21'][n])}`,
);
console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
await c.end();
await o.end();
