import type { ProductFacets } from '../schemas.js';
import { productCustomFields } from './custom-fields.js';
import { type ProductPlanInput, productMatch, productWhere } from './product-where.js';
import { createParams, type MatchMode, readRows } from './sql.js';

/** The most frequent values counted per field. */
const TOP_VALUES = 20;

type Row = { field: string; value: string; n: number };

/**
 * Per filterable field (`<schema>.<key>`), the products of the result per value (a list field: per
 * item), the 20 most frequent, as text (the filter's value). One statement over the list's filters.
 */
const facetSql = (where: string, fields: string) => `
SELECT field, value, n FROM (
  SELECT f.field, e.value #>> '{}' AS value, count(DISTINCT m.product_id)::int AS n,
         row_number() OVER (PARTITION BY f.field ORDER BY count(DISTINCT m.product_id) DESC, e.value #>> '{}') AS r
    FROM (SELECT product_id, custom FROM index_products WHERE ${where} AND custom IS NOT NULL) m
   CROSS JOIN unnest(${fields}::text[]) AS f(field)
   CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.custom -> f.field) = 'array' THEN m.custom -> f.field
                                                ELSE jsonb_build_array(m.custom -> f.field) END) e
   WHERE m.custom ? f.field AND jsonb_typeof(e.value) IN ('string', 'number', 'boolean')
   GROUP BY f.field, e.value #>> '{}') x
 WHERE r <= ${TOP_VALUES}
 ORDER BY field, n DESC, value`;

/** Counts of the tenant's filterable public product fields over the list's result (none: no such field). */
export const customFacets = async (input: ProductPlanInput, mode: MatchMode): Promise<NonNullable<ProductFacets['custom']>> => {
  const fields = (await productCustomFields(input.ctx)).filter((f) => f.filterable).map((f) => `${f.schema}.${f.key}`);
  if (fields.length === 0) return [];
  const params = createParams();
  const match = productMatch(params, input, mode);
  const where = productWhere(params, input, match).join(' AND ');
  const rows = await readRows<Row>(input.ctx.db, input.ctx.tenantId, facetSql(where, params.p(fields)), params, match.threshold);
  return fields.map((field) => ({
    field,
    values: rows.filter((r) => r.field === field).map((r) => ({ value: r.value, count: r.n })),
  }));
};
