// The shared ceiling's table in the scenario's database: bench/ceiling/schema.sql, the catalog's
// products as rows (id = index + 1, min/max price from the variants, variants as JSON), ANALYZE.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withAdmin } from '../lib.mjs';
import { CATALOG } from './storefront-seed.mjs';

export const loadCeilingTable = (root, url) =>
  withAdmin(url, async (c) => {
    await c.query(readFileSync(join(root, 'bench/ceiling/schema.sql'), 'utf8'));
    const prices = (p) => p.variants.map((v) => v.price);
    await c.query(
      `INSERT INTO product_flat (id, name, slug, description, min_price, max_price, variants)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::jsonb[])`,
      [
        CATALOG.map((p) => p.index + 1),
        CATALOG.map((p) => p.name),
        CATALOG.map((p) => p.slug),
        CATALOG.map((p) => p.description),
        CATALOG.map((p) => Math.min(...prices(p))),
        CATALOG.map((p) => Math.max(...prices(p))),
        CATALOG.map((p) => JSON.stringify(p.variants)),
      ],
    );
    await c.query('ANALYZE product_flat');
  });
