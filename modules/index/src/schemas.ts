import { type Static, type TSchema, Type } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const LocaleString = () => Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });
const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
const CursorString = Type.String({ minLength: 1, maxLength: 512 });
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;

export const StoreProductsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    locale: Type.Optional(LocaleString()),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    minPrice: Type.Optional(Type.Integer({ minimum: 0 })),
    maxPrice: Type.Optional(Type.Integer({ minimum: 0 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    inStock: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
    facets: Type.Optional(Type.Boolean({ description: 'Also count categories, tags, price buckets and stock over the whole result' })),
    limit: Limit,
    cursor: Type.Optional(CursorString),
  },
  { additionalProperties: false },
);
export type StoreProductsQuery = Static<typeof StoreProductsQuery>;

const PriceRange = Type.Object({ currencyCode: Type.String(), min: Type.Integer(), max: Type.Integer() });

export const StoreProductSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  handle: Type.String(),
  locale: Type.String(),
  textLocale: Type.String({ description: 'The locale of the texts shown (the default locale when the product has no translation)' }),
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  prices: Type.Array(PriceRange),
  hasStock: Type.Boolean(),
  totalStock: Type.Integer(),
  categories: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type StoreProductSummary = Static<typeof StoreProductSummary>;

export const StoreProduct = Type.Composite([
  StoreProductSummary,
  Type.Object({
    description: Nullable(Type.String()),
    seoTitle: Nullable(Type.String()),
    seoDescription: Nullable(Type.String()),
    currencies: Type.Array(Type.String()),
  }),
]);
export type StoreProduct = Static<typeof StoreProduct>;

const Count = Type.Object({ value: Type.String(), count: Type.Integer() });
export const ProductFacets = Type.Object({
  total: Type.Integer(),
  currency: Type.String(),
  categories: Type.Array(Count),
  tags: Type.Array(Count),
  priceBuckets: Type.Array(
    Type.Object(
      { min: Nullable(Type.Integer()), max: Nullable(Type.Integer()), count: Type.Integer() },
      { description: 'min ≤ price < max' },
    ),
  ),
  noPrice: Type.Integer({ description: 'Products without a price in the currency' }),
  inStock: Type.Integer(),
  outOfStock: Type.Integer(),
});
export type ProductFacets = Static<typeof ProductFacets>;

const Match = Type.Union([Type.Literal('all'), Type.Literal('fulltext'), Type.Literal('fuzzy')], {
  description: 'fuzzy: nothing matched the words as typed, these are the closest titles',
});

export const StoreProductPage = Type.Object({
  items: Type.Array(StoreProductSummary),
  nextCursor: Nullable(Type.String()),
  match: Match,
  facets: Type.Optional(ProductFacets),
});
export type StoreProductPage = Static<typeof StoreProductPage>;

export const StoreContentQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
    locale: Type.Optional(LocaleString()),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'category slug' })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'tag slug' })),
    limit: Limit,
    cursor: Type.Optional(CursorString),
  },
  { additionalProperties: false },
);
export type StoreContentQuery = Static<typeof StoreContentQuery>;

export const StoreContentSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  locale: Type.String(),
  textLocale: Type.String(),
  title: Type.String(),
  slug: Type.String(),
  excerpt: Nullable(Type.String()),
  bodyPreview: Type.String(),
  authorName: Nullable(Type.String()),
  category: Nullable(Type.Object({ name: Type.String(), slug: Type.String() })),
  tags: Type.Array(Type.String()),
  parentId: Nullable(Type.String({ format: 'uuid' })),
  replyCount: Type.Integer(),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type StoreContentSummary = Static<typeof StoreContentSummary>;

export const StoreContentItem = Type.Composite([
  StoreContentSummary,
  Type.Object({
    bodyHtml: Type.String(),
    tagNames: Type.Array(Type.String()),
    seoTitle: Nullable(Type.String()),
    seoDescription: Nullable(Type.String()),
  }),
]);
export type StoreContentItem = Static<typeof StoreContentItem>;

export const StoreContentPage = Type.Object({ items: Type.Array(StoreContentSummary), nextCursor: Nullable(Type.String()), match: Match });
export type StoreContentPage = Static<typeof StoreContentPage>;
