import type { ProductFacets } from '../schemas.js';
import { customFacets } from './custom-facets.js';
import { type ProductPlanInput, productMatch, productWhere } from './product-where.js';
import { createParams, type MatchMode, readRows } from './sql.js';

type FacetRow = {
  facet: 'total' | 'category' | 'tag' | 'price' | 'stock';
  value: string | null;
  n: number;
};

/**
 * Counts over the whole result of the list (same match, same filters, no page), in one statement:
 * categories, tags, price buckets in the currency (bucket i = [bounds[i-1], bounds[i])), stock.
 */
const facetSql = (where: string, bounds: string, cur: string) => `
WITH m AS (SELECT categories, tags, (min_prices ->> ${cur})::bigint AS price, has_stock FROM index_products WHERE ${where})
SELECT 'total' AS facet, NULL AS value, count(*)::int AS n FROM m
UNION ALL SELECT 'category', c, count(*)::int FROM m, unnest(m.categories) AS c GROUP BY c
UNION ALL SELECT 'tag', t, count(*)::int FROM m, unnest(m.tags) AS t GROUP BY t
UNION ALL SELECT 'price', coalesce(width_bucket(price, ${bounds}::bigint[])::text, 'none'), count(*)::int FROM m GROUP BY 2
UNION ALL SELECT 'stock', has_stock::text, count(*)::int FROM m GROUP BY has_stock`;

const countsOf = (rows: FacetRow[], facet: FacetRow['facet']) =>
  rows
    .filter((r) => r.facet === facet && r.value !== null)
    .map((r) => ({ value: r.value as string, count: r.n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

const bucketsOf = (rows: FacetRow[], bounds: readonly number[]): ProductFacets['priceBuckets'] =>
  Array.from({ length: bounds.length + 1 }, (_, i) => ({
    min: i === 0 ? null : (bounds[i - 1] ?? null),
    max: i === bounds.length ? null : (bounds[i] ?? null),
    count: rows.find((r) => r.facet === 'price' && r.value === String(i))?.n ?? 0,
  }));

export const productFacets = async (input: ProductPlanInput, mode: MatchMode): Promise<ProductFacets> => {
  const params = createParams();
  const match = productMatch(params, input, mode);
  const where = productWhere(params, input, match).join(' AND ');
  const bounds = [...input.ctx.index.price_buckets].sort((a, b) => a - b);
  const sql = facetSql(where, params.p(bounds), params.p(input.currency));
  const [rows, custom] = await Promise.all([
    readRows<FacetRow>(input.ctx.db, input.ctx.tenantId, sql, params, match.threshold),
    customFacets(input, mode),
  ]);
  const stock = (v: string) => rows.find((r) => r.facet === 'stock' && r.value === v)?.n ?? 0;
  return {
    total: rows.find((r) => r.facet === 'total')?.n ?? 0,
    currency: input.currency,
    categories: countsOf(rows, 'category'),
    tags: countsOf(rows, 'tag'),
    priceBuckets: bucketsOf(rows, bounds),
    noPrice: rows.find((r) => r.facet === 'price' && r.value === 'none')?.n ?? 0,
    inStock: stock('true'),
    outOfStock: stock('false'),
    custom,
  };
};
