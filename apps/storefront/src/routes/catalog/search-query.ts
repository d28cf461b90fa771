import type { PageContext } from '../../context.js';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** Products per page of the catalog. */
export const PAGE_SIZE = 24;

/** The catalog's filters as the address carries them, checked (anything malformed is left out). */
export interface Filters {
  readonly q: string;
  readonly category: string;
  readonly tag: string;
  /** A price range in minor units of the page's currency: `2500-5000`, `-2500`, `50000-`. */
  readonly price: string;
  readonly inStock: boolean;
  readonly sort: Sort | '';
  readonly cursor: string;
  /** Filters on public flex fields of products: `<schema>.<key>` → value (`custom.<schema>.<key>=` in the address). */
  readonly custom: Readonly<Record<string, string>>;
}

const CUSTOM_PARAM = /^custom\.([a-z][a-z0-9_-]{0,63}\.[a-z][a-z0-9_]{0,63})$/;
const MAX_CUSTOM = 5;

/** The `custom.<schema>.<key>` parameters of the address (at most 5, values up to 200 characters). */
const customOf = (query: URLSearchParams): Record<string, string> => {
  const custom: Record<string, string> = {};
  for (const [name, value] of query) {
    const field = CUSTOM_PARAM.exec(name)?.[1];
    const v = value.trim();
    if (field && v && v.length <= 200 && Object.keys(custom).length < MAX_CUSTOM) custom[field] = v;
  }
  return custom;
};

const PRICE = /^(\d{0,12})-(\d{0,12})$/;

const text = (query: URLSearchParams, name: string, max: number): string => {
  const value = (query.get(name) ?? '').trim();
  return value.length <= max ? value : value.slice(0, max);
};

/** The filters of a request's query string. */
export const filtersOf = (query: URLSearchParams): Filters => {
  const sort = query.get('sort') ?? '';
  const price = query.get('price') ?? '';
  const cursor = query.get('cursor') ?? '';
  return {
    q: text(query, 'q', 200),
    category: text(query, 'category', 200),
    tag: text(query, 'tag', 100),
    price: PRICE.test(price) && price !== '-' ? price : '',
    inStock: query.get('inStock') === '1' || query.get('inStock') === 'true',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : '',
    cursor: cursor.length > 0 && cursor.length <= 512 ? cursor : '',
    custom: customOf(query),
  };
};

/** A price range's bounds (minor units): `2500-5000` → { min: 2500, max: 5000 }. */
export const priceRange = (price: string): { min?: number; max?: number } => {
  const match = PRICE.exec(price);
  if (!match) return {};
  return { ...(match[1] ? { min: Number(match[1]) } : {}), ...(match[2] ? { max: Number(match[2]) } : {}) };
};

/** A price bucket as the address writes it. */
export const priceParam = (min: number | null, max: number | null): string => `${min ?? ''}-${max ?? ''}`;

/** The query of `GET /store/products` for the filters (facets counted, prices in the page's currency). */
export const apiQueryOf = (ctx: PageContext, filters: Filters): Record<string, string | number | boolean | undefined> => {
  const { min, max } = priceRange(filters.price);
  return {
    q: filters.q || undefined,
    locale: ctx.locale,
    currency: ctx.currency,
    category: filters.category || undefined,
    tag: filters.tag || undefined,
    // The API's price bounds are inclusive; a bucket is min ≤ price < max.
    minPrice: min,
    maxPrice: max === undefined ? undefined : Math.max(0, max - 1),
    inStock: filters.inStock || undefined,
    sort: filters.sort || undefined,
    facets: true,
    limit: PAGE_SIZE,
    cursor: filters.cursor || undefined,
    ...Object.fromEntries(Object.entries(filters.custom).map(([field, value]) => [`custom.${field}`, value])),
  };
};

/** The address of the catalog with these filters (the cursor left out unless given). */
export const searchHref = (ctx: PageContext, filters: Filters, change: Partial<Filters> = {}): string => {
  const next = { ...filters, cursor: '', ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.tag) params.set('tag', next.tag);
  if (next.price) params.set('price', next.price);
  if (next.inStock) params.set('inStock', '1');
  for (const [field, value] of Object.entries(next.custom).sort(([a], [b]) => a.localeCompare(b)))
    if (value) params.set(`custom.${field}`, value);
  if (next.sort) params.set('sort', next.sort);
  if (next.cursor) params.set('cursor', next.cursor);
  const query = params.toString();
  return `${ctx.href('/search')}${query ? `?${query}` : ''}`;
};

/** Whether any filter (other than the words and the sort) is set. */
export const filtered = (filters: Filters): boolean =>
  Boolean(filters.category || filters.tag || filters.price || filters.inStock || Object.keys(filters.custom).length > 0);
