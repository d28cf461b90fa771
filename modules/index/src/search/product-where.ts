import type { StoreProductsQuery } from '../schemas.js';
import type { StoreContext } from './context.js';
import type { Match } from './match.js';
import type { Params } from './sql.js';

export interface ProductPlanInput {
  readonly ctx: StoreContext;
  readonly query: StoreProductsQuery;
  readonly locale: string;
  readonly currency: string;
  readonly trigram: boolean;
}

/** The filters of a product list (tenant, locale, published, and what the query asks for). */
export const productWhere = (params: Params, input: ProductPlanInput, match: Match): string[] => {
  const { query, currency } = input;
  const p = (v: unknown) => params.p(v);
  let cur: string | undefined;
  const price = () => {
    cur ??= p(currency);
    return `(min_prices ->> ${cur})::bigint`;
  };
  return [
    `tenant_id = ${p(input.ctx.tenantId)}::uuid`,
    `locale = ${p(input.locale)}`,
    "status = 'published'",
    match.where,
    ...(query.category ? [`categories @> ARRAY[${p(query.category)}]::text[]`] : []),
    ...(query.tag ? [`tags @> ARRAY[${p(query.tag)}]::text[]`] : []),
    ...(query.minPrice !== undefined ? [`${price()} >= ${p(query.minPrice)}::bigint`] : []),
    ...(query.maxPrice !== undefined ? [`${price()} <= ${p(query.maxPrice)}::bigint`] : []),
    ...(query.inStock !== undefined ? [`has_stock = ${p(query.inStock)}::boolean`] : []),
  ];
};
