import { Nullable } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const LocaleString = () => Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });
/** The largest page a list serves. */
export const MAX_LIMIT = 100;
const Limit = Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 20 });
const CursorString = Type.String({ minLength: 1, maxLength: 512 });
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;

/** `sort=custom.<schema>.<key>` (ascending) or `-custom.<schema>.<key>` (descending): a public sortable flex field of products. */
export const CUSTOM_SORT = /^(-?)custom\.([a-z][a-z0-9_-]{0,63})\.([a-z][a-z0-9_]{0,63})$/;

/** `custom.<schema>.<key>=<value>`: a filter on a public filterable flex field of products. */
export const CUSTOM_PARAM = /^custom\.([a-z][a-z0-9_-]{0,63})\.([a-z][a-z0-9_]{0,63})$/;

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
    sort: Type.Optional(
      Type.Union([
        ...SORTS.map((s) => Type.Literal(s)),
        Type.String({
          pattern: CUSTOM_SORT.source,
          description: 'custom.<schema>.<key> (ascending) or -custom.<schema>.<key> (descending): a sortable public flex field',
        }),
      ]),
    ),
    facets: Type.Optional(Type.Boolean({ description: 'Also count categories, tags, price buckets and stock over the whole result' })),
    limit: Limit,
    cursor: Type.Optional(CursorString),
  },
  {
    additionalProperties: false,
    patternProperties: { [CUSTOM_PARAM.source]: Type.String({ minLength: 1, maxLength: 200 }) },
    description: 'custom.<schema>.<key>=<value>: equality filters on filterable public flex fields of products (at most 5)',
  },
);
export type StoreProductsQuery = Static<typeof StoreProductsQuery> & { readonly [custom: `custom.${string}`]: string | undefined };

const PriceRange = Type.Object({ currencyCode: Type.String(), min: Type.Integer(), max: Type.Integer() });
const Money = Type.Object({
  amount: Type.Integer({ description: 'Minor units of the currency (cents for USD)' }),
  currencyCode: Type.String(),
});
const PRICE_NOTE =
  'for one unit as an anonymous shopper pays it: the base price, or a running sale list’s price when lower, as of the last index write of the product (the cart prices again at the moment)';

const ImageSize = Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() });
const StoreImage = Type.Object({
  url: Type.String(),
  alt: Nullable(Type.String()),
  width: Type.Optional(Type.Integer({ description: 'Of the original (images of the media library only)' })),
  height: Type.Optional(Type.Integer({ description: 'Of the original (images of the media library only)' })),
  srcset: Type.Optional(
    Type.Array(ImageSize, { description: 'The WebP sizes of a media library image, narrowest first (for an img srcset)' }),
  ),
});
export type StoreImage = Static<typeof StoreImage>;

export const StoreProductSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  handle: Type.String(),
  locale: Type.String(),
  textLocale: Type.String({ description: 'The locale of the texts shown (the default locale when the product has no translation)' }),
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  prices: Type.Array(PriceRange, { description: `Lowest and highest variant price per currency, ${PRICE_NOTE}` }),
  priceFrom: Type.Array(Money, { description: `The cheapest variant's price per currency, ${PRICE_NOTE}` }),
  inStock: Type.Boolean({ description: 'Some variant can be bought now' }),
  hasStock: Type.Boolean({ description: 'Same as inStock (kept for existing clients)' }),
  totalStock: Nullable(Type.Integer({ description: 'Units over the variants that track stock; null where the shop hides stock counts' })),
  categories: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  image: Type.Optional(StoreImage),
  custom: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'Public flex values: { "<schema>.<key>": value } (localized ones in the locale); absent when there are none',
    }),
  ),
});
export type StoreProductSummary = Static<typeof StoreProductSummary>;

export const AVAILABILITY = ['in_stock', 'low_stock', 'out_of_stock', 'backorder'] as const;

export const StoreVariant = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The variant to put in a cart' }),
  title: Type.String({ description: 'In the product’s locale when translated' }),
  sku: Nullable(Type.String()),
  options: Type.Record(Type.String(), Type.String(), { description: 'Option name → value, e.g. { "size": "M" }' }),
  prices: Type.Array(Money, { description: `Price per currency, ${PRICE_NOTE}` }),
  inStock: Type.Boolean({ description: 'Can be bought now: in stock, backorderable, or stock not tracked' }),
  availability: Type.Union(
    AVAILABILITY.map((a) => Type.Literal(a)),
    { description: 'low_stock: at or below the shop’s lowStockThreshold; backorder: none on hand but can be ordered' },
  ),
  available: Nullable(Type.Integer({ description: 'Units on hand; null where the shop hides stock counts or does not track the variant' })),
});
export type StoreVariant = Static<typeof StoreVariant>;

export const StoreProduct = Type.Composite([
  StoreProductSummary,
  Type.Object({
    description: Nullable(Type.String()),
    seoTitle: Nullable(Type.String()),
    seoDescription: Nullable(Type.String()),
    currencies: Type.Array(Type.String()),
    variants: Type.Array(StoreVariant, { description: 'In catalog order' }),
    images: Type.Array(StoreImage, { description: 'In the product’s order' }),
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
  custom: Type.Optional(
    Type.Array(Type.Object({ field: Type.String({ description: '<schema>.<key>' }), values: Type.Array(Count) }), {
      description: 'Filterable public flex fields: the 20 most frequent values each (filter with custom.<schema>.<key>=<value>)',
    }),
  ),
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
