import type { StoreProductsQuery } from '../schemas.js';
import { searchConfigOf } from '../text.js';
import type { StoreContext } from './context.js';
import type { CustomFilter, CustomSort } from './custom-fields.js';
import { buildMatch, type Match } from './match.js';
import type { MatchMode, Params } from './sql.js';

export interface ProductPlanInput {
  readonly ctx: StoreContext;
  readonly query: StoreProductsQuery;
  readonly locale: string;
  readonly currency: string;
  readonly trigram: boolean;
  /** Filters on public flex fields (checked: see customFilters). */
  readonly custom: readonly CustomFilter[];
  /** The flex field the list is sorted by, when it is (checked: see customSortOf). */
  readonly customSort?: CustomSort;
}

/** All custom filters as one containment (the GIN index on custom answers it), or none. */
const customWhere = (params: Params, custom: readonly CustomFilter[]): string[] =>
  custom.length === 0 ? [] : [`custom @> ${params.p(JSON.stringify(Object.fromEntries(custom.map((f) => [f.field, f.value]))))}::jsonb`];

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
    ...customWhere(params, input.custom),
  ];
};

/** The text match of a product list (full text or typo matching in the list's locale). */
export const productMatch = (params: Params, input: ProductPlanInput, mode: MatchMode): Match =>
  buildMatch(params, mode, {
    q: input.query.q,
    config: searchConfigOf(input.locale),
    trigram: input.trigram,
    table: 'products',
    locale: input.locale,
  });
