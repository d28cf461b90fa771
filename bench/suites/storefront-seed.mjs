// Catalog seeding of the storefront suite: tenants, then the shared ceiling's products × variants with prices and stock
// written straight into the commerce tables (one tenant transaction per chunk, app-made ids), then
// the index built from them with the index module's own rebuild (as `rustok index rebuild` does).

import { createRequire } from 'node:module';
import { rebuildTenant } from '@rustok/index/contracts';
import { generateId } from '@rustok/kernel';
import { insertTenant } from '@rustok/tenancy';

const require = createRequire(import.meta.url);
/** The shared ceiling's catalog (bench/ceiling/catalog.cjs): the platform is seeded with the same products. */
const { products: ceilingProducts, SEARCH_TERM } = require('../ceiling/catalog.cjs');
export const CATALOG = ceilingProducts();

/** Product n of the catalog (past its end the catalog repeats, with the number in the handle). */
const productOf = (n) => {
  const p = CATALOG[n % CATALOG.length];
  return n < CATALOG.length ? p : { ...p, slug: `${p.slug}-${n}` };
};
export const SEARCH_WORD = SEARCH_TERM;
export const handleOf = (n) => productOf(n).slug;

/** Column arrays of `count` products from `from`: products, their two variants, one USD price each. */
const chunkRows = (from, count) => {
  const p = { id: [], handle: [], title: [], description: [], age: [] };
  const v = { id: [], product: [], title: [], sku: [] };
  const price = { id: [], variant: [], currency: [], amount: [] };
  for (let n = from; n < from + count; n++) {
    const id = generateId();
    const product = productOf(n);
    for (const [k, value] of Object.entries({ id, handle: product.slug, title: product.name, description: product.description, age: n })) {
      p[k].push(value);
    }
    for (const variant of product.variants) {
      const vid = generateId();
      const sku = n < CATALOG.length ? variant.sku : `${variant.sku}-${n}`;
      for (const [k, value] of Object.entries({ id: vid, product: id, title: variant.title, sku })) v[k].push(value);
      for (const [k, value] of Object.entries({ id: generateId(), variant: vid, currency: 'USD', amount: variant.price }))
        price[k].push(value);
    }
  }
  return { p, v, price };
};

/** Chunk of `count` products starting at `from`: four unnest inserts, one per table. */
const insertChunk = async (tx, from, count) => {
  const { p, v, price } = chunkRows(from, count);
  await tx.query(
    `INSERT INTO commerce_products (id, handle, title, description, status, published_at)
     SELECT id, h, t, d, 'published', now() - make_interval(secs => a)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS x(id, h, t, d, a)`,
    [p.id, p.handle, p.title, p.description, p.age],
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
