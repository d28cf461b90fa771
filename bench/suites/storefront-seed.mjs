// Catalog seeding of the storefront suite: tenants, then products × variants with prices and stock
// written straight into the commerce tables (one tenant transaction per chunk, app-made ids), then
// the index built from them with the index module's own rebuild (as `rustok index rebuild` does).

import { rebuildTenant } from '@rustok/index/contracts';
import { generateId } from '@rustok/kernel';
import { insertTenant } from '@rustok/tenancy';

const ADJECTIVES = ['red', 'blue', 'green', 'black', 'white', 'vintage', 'modern', 'classic', 'compact', 'deluxe'];
const MATERIALS = ['leather', 'canvas', 'steel', 'oak', 'ceramic', 'linen', 'wool', 'bamboo', 'glass', 'copper'];
const NOUNS = [
  'lamp',
  'chair',
  'backpack',
  'kettle',
  'jacket',
  'table',
  'mug',
  'shelf',
  'scarf',
  'clock',
  'bottle',
  'wallet',
  'blanket',
  'vase',
  'boots',
  'desk',
  'pillow',
  'sneakers',
  'teapot',
  'mirror',
];
const CATEGORIES = ['home', 'kitchen', 'apparel', 'bags', 'outdoor', 'office', 'decor', 'footwear'];
const TAGS = ['new', 'sale', 'gift', 'eco', 'bestseller', 'limited'];

/** Title words chosen so that every noun names about one product in twenty. */
export const productTitle = (n) =>
  `${ADJECTIVES[n % 10]} ${MATERIALS[Math.floor(n / 10) % 10]} ${NOUNS[Math.floor(n / 7) % NOUNS.length]} ${n}`;
export const SEARCH_WORD = 'lamp';
export const handleOf = (n) => `bench-product-${n}`;

/** Column arrays of `count` products from `from`: products, their two variants, two prices each. */
const chunkRows = (from, count) => {
  const p = { id: [], handle: [], title: [], description: [], category: [], tag: [], age: [] };
  const v = { id: [], product: [], title: [], sku: [] };
  const price = { id: [], variant: [], currency: [], amount: [] };
  for (let n = from; n < from + count; n++) {
    const id = generateId();
    for (const [k, value] of Object.entries({ id, handle: handleOf(n), title: productTitle(n), age: n })) p[k].push(value);
    p.description.push(`A ${productTitle(n)} made to last. Free shipping and easy returns.`);
    p.category.push(CATEGORIES[n % CATEGORIES.length]);
    p.tag.push(TAGS[n % TAGS.length]);
    for (const size of ['S', 'L']) {
      const vid = generateId();
      for (const [k, value] of Object.entries({ id: vid, product: id, title: size, sku: `B-${n}-${size}` })) v[k].push(value);
      for (const [currency, factor] of [
        ['USD', 1],
        ['EUR', 0.92],
      ]) {
        const amount = Math.round((500 + ((n * 37) % 20_000) + (size === 'L' ? 500 : 0)) * factor);
        for (const [k, value] of Object.entries({ id: generateId(), variant: vid, currency, amount })) price[k].push(value);
      }
    }
  }
  return { p, v, price };
};

/** Chunk of `count` products starting at `from`: four unnest inserts, one per table. */
const insertChunk = async (tx, from, count) => {
  const { p, v, price } = chunkRows(from, count);
  await tx.query(
    `INSERT INTO commerce_products (id, handle, title, description, status, categories, tags, published_at)
     SELECT id, h, t, d, 'published', ARRAY[c], ARRAY[g], now() - make_interval(secs => a)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS x(id, h, t, d, c, g, a)`,
    [p.id, p.handle, p.title, p.description, p.category, p.tag, p.age],
  );
  await tx.query(
    'INSERT INTO commerce_variants (id, product_id, title, sku) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
    [v.id, v.product, v.title, v.sku],
  );
  await tx.query(
    'INSERT INTO commerce_prices (id, variant_id, currency_code, amount) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[])',
    [price.id, price.variant, price.currency, price.amount],
  );
  await tx.query(
    'INSERT INTO commerce_inventory (variant_id, available) SELECT id, (hashtext(id::text) & 15) FROM unnest($1::uuid[]) AS id',
    [v.id],
  );
};

/** Tenants `<prefix>-001` … (created through the tenancy package), or the given ones. */
export const createTenants = async (db, prefix, count) => {
  const out = [];
  for (let i = 1; i <= count; i++) {
    const slug = `${prefix}-${String(i).padStart(3, '0')}`;
    out.push(await db.transaction((tx) => insertTenant(tx, { name: slug, slug })));
  }
  return out.map((t) => ({ id: t.id, slug: t.slug }));
};

/** Seeds `perTenant` products in every tenant, then rebuilds each tenant's index (`concurrency` at a time). */
export const seedCatalog = async ({ db, tenants, perTenant, concurrency = 4, log }) => {
  const chunk = 500;
  for (const [i, t] of tenants.entries()) {
    for (let from = 0; from < perTenant; from += chunk) {
      await db.transaction((tx) => insertChunk(tx, from, Math.min(chunk, perTenant - from)), { tenantId: t.id });
    }
    if ((i + 1) % 10 === 0 || i + 1 === tenants.length) log(`seeded ${i + 1}/${tenants.length} tenants × ${perTenant} products`);
  }
  const queue = [...tenants];
  let done = 0;
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      await rebuildTenant(db, t.id, { kinds: ['products'], batchSize: 200 });
      done++;
      if (done % 10 === 0 || done === tenants.length) log(`indexed ${done}/${tenants.length} tenants`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};
