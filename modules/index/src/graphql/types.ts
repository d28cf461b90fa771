import type { GraphQLBuilder } from '@rustok/kernel';
import type {
  ProductFacets,
  StoreContentItem,
  StoreContentPage,
  StoreContentSummary,
  StoreImage,
  StoreProduct,
  StoreProductPage,
  StoreProductSummary,
  StoreVariant,
} from '../schemas.js';
import { AVAILABILITY } from '../schemas.js';

type Summary = StoreProductSummary & Partial<Omit<StoreProduct, keyof StoreProductSummary>>;
type ContentSummary = StoreContentSummary & Partial<Omit<StoreContentItem, keyof StoreContentSummary>>;

const addFacetTypes = (builder: GraphQLBuilder) => {
  const Count = builder.objectRef<{ value: string; count: number }>('StoreFacetCount').implement({
    fields: (t) => ({ value: t.exposeString('value'), count: t.exposeInt('count') }),
  });
  const Bucket = builder.objectRef<ProductFacets['priceBuckets'][number]>('StorePriceBucket').implement({
    fields: (t) => ({
      min: t.exposeInt('min', { nullable: true }),
      max: t.exposeInt('max', { nullable: true }),
      count: t.exposeInt('count'),
    }),
  });
  const CustomFacet = builder.objectRef<NonNullable<ProductFacets['custom']>[number]>('StoreCustomFacet').implement({
    description: 'A filterable public flex field of products and its most frequent values (filter: custom { "<field>": value })',
    fields: (t) => ({ field: t.exposeString('field'), values: t.field({ type: [Count], resolve: (f) => f.values }) }),
  });
  const Facets = builder.objectRef<ProductFacets>('StoreProductFacets').implement({
    fields: (t) => ({
      total: t.exposeInt('total'),
      currency: t.exposeString('currency'),
      categories: t.field({ type: [Count], resolve: (f) => f.categories }),
      tags: t.field({ type: [Count], resolve: (f) => f.tags }),
      priceBuckets: t.field({ type: [Bucket], resolve: (f) => f.priceBuckets }),
      noPrice: t.exposeInt('noPrice'),
      inStock: t.exposeInt('inStock'),
      outOfStock: t.exposeInt('outOfStock'),
      custom: t.field({ type: [CustomFacet], nullable: true, resolve: (f) => f.custom ?? null }),
    }),
  });
  return Facets;
};

type Money = StoreVariant['prices'][number];

/** Variants and images of a product (storeProduct only), and the money type of prices. */
const addVariantTypes = (builder: GraphQLBuilder) => {
  const Money = builder.objectRef<Money>('StoreMoney').implement({
    description: 'An amount in minor units of the currency',
    fields: (t) => ({ amount: t.exposeInt('amount'), currencyCode: t.exposeString('currencyCode') }),
  });
  const Availability = builder.enumType('StoreAvailability', { values: AVAILABILITY });
  const Variant = builder.objectRef<StoreVariant>('StoreVariant').implement({
    description: 'A variant to put in a cart (id), with prices for one unit as an anonymous shopper pays them',
    fields: (t) => ({
      id: t.exposeID('id'),
      title: t.exposeString('title'),
      sku: t.exposeString('sku', { nullable: true }),
      options: t.field({ type: 'JSON', description: 'Option name → value', resolve: (v) => v.options }),
      prices: t.field({ type: [Money], resolve: (v) => v.prices }),
      inStock: t.exposeBoolean('inStock'),
      availability: t.field({ type: Availability, resolve: (v) => v.availability }),
      available: t.exposeInt('available', { nullable: true, description: 'Null where the shop hides stock counts' }),
    }),
  });
  const Size = builder.objectRef<NonNullable<StoreImage['srcset']>[number]>('StoreImageSize').implement({
    fields: (t) => ({ url: t.exposeString('url'), width: t.exposeInt('width'), height: t.exposeInt('height') }),
  });
  const Image = builder.objectRef<StoreImage>('StoreImage').implement({
    fields: (t) => ({
      url: t.exposeString('url'),
      alt: t.exposeString('alt', { nullable: true }),
      width: t.int({ nullable: true, description: 'Of the original (media library images)', resolve: (i) => i.width ?? null }),
      height: t.int({ nullable: true, description: 'Of the original (media library images)', resolve: (i) => i.height ?? null }),
      srcset: t.field({
        type: [Size],
        nullable: true,
        description: 'WebP sizes of a media library image, narrowest first',
        resolve: (i) => i.srcset ?? null,
      }),
    }),
  });
  return { Money, Variant, Image };
};

const addProductTypes = (builder: GraphQLBuilder) => {
  const Facets = addFacetTypes(builder);
  const { Money, Variant, Image } = addVariantTypes(builder);
  const Price = builder.objectRef<StoreProductSummary['prices'][number]>('StorePriceRange').implement({
    fields: (t) => ({ currencyCode: t.exposeString('currencyCode'), min: t.exposeInt('min'), max: t.exposeInt('max') }),
  });
  const Product = builder.objectRef<Summary>('StoreProduct').implement({
    description: 'A published product from the storefront index, in one locale (detail fields only on storeProduct)',
    fields: (t) => ({
      id: t.exposeID('id'),
      handle: t.exposeString('handle'),
      locale: t.exposeString('locale'),
      textLocale: t.exposeString('textLocale'),
      title: t.exposeString('title'),
      subtitle: t.exposeString('subtitle', { nullable: true }),
      prices: t.field({ type: [Price], resolve: (p) => p.prices }),
      priceFrom: t.field({ type: [Money], description: 'The cheapest variant price per currency', resolve: (p) => p.priceFrom }),
      inStock: t.exposeBoolean('inStock'),
      hasStock: t.exposeBoolean('hasStock'),
      totalStock: t.exposeInt('totalStock', { nullable: true, description: 'Null where the shop hides stock counts' }),
      categories: t.exposeStringList('categories'),
      tags: t.exposeStringList('tags'),
      publishedAt: t.exposeString('publishedAt', { nullable: true }),
      custom: t.field({
        type: 'JSON',
        nullable: true,
        description: 'Public flex values { "<schema>.<key>": value } (localized ones in the locale); null when there are none',
        resolve: (p) => p.custom ?? null,
      }),
      description: t.string({ nullable: true, resolve: (p) => p.description ?? null }),
      seoTitle: t.string({ nullable: true, resolve: (p) => p.seoTitle ?? null }),
      seoDescription: t.string({ nullable: true, resolve: (p) => p.seoDescription ?? null }),
      currencies: t.stringList({ nullable: true, resolve: (p) => p.currencies ?? null }),
      variants: t.field({ type: [Variant], nullable: true, description: 'storeProduct only', resolve: (p) => p.variants ?? null }),
      images: t.field({ type: [Image], nullable: true, description: 'storeProduct only', resolve: (p) => p.images ?? null }),
      image: t.field({ type: Image, nullable: true, description: 'The first image', resolve: (p) => p.image ?? null }),
    }),
  });
  const Page = builder.objectRef<StoreProductPage>('StoreProductConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Product], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
      match: t.exposeString('match'),
      facets: t.field({ type: Facets, nullable: true, resolve: (p) => p.facets ?? null }),
    }),
  });
  return { Product, Page };
};

const addContentTypes = (builder: GraphQLBuilder) => {
  const Category = builder.objectRef<{ name: string; slug: string }>('StoreContentCategory').implement({
    fields: (t) => ({ name: t.exposeString('name'), slug: t.exposeString('slug') }),
  });
  const Item = builder.objectRef<ContentSummary>('StoreContentItem').implement({
    description: 'A published content node from the storefront index (body and SEO only on storeContentItem)',
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.exposeString('kind'),
      locale: t.exposeString('locale'),
      textLocale: t.exposeString('textLocale'),
      title: t.exposeString('title'),
      slug: t.exposeString('slug'),
      excerpt: t.exposeString('excerpt', { nullable: true }),
      bodyPreview: t.exposeString('bodyPreview'),
      authorName: t.exposeString('authorName', { nullable: true }),
      category: t.field({ type: Category, nullable: true, resolve: (c) => c.category }),
      tags: t.exposeStringList('tags'),
      parentId: t.exposeString('parentId', { nullable: true }),
      replyCount: t.exposeInt('replyCount'),
      publishedAt: t.exposeString('publishedAt', { nullable: true }),
      bodyHtml: t.string({ nullable: true, resolve: (c) => c.bodyHtml ?? null }),
      seoTitle: t.string({ nullable: true, resolve: (c) => c.seoTitle ?? null }),
      seoDescription: t.string({ nullable: true, resolve: (c) => c.seoDescription ?? null }),
    }),
  });
  const Page = builder.objectRef<StoreContentPage>('StoreContentConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Item], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
      match: t.exposeString('match'),
    }),
  });
  return { Item, Page };
};

export const storeTypes = (builder: GraphQLBuilder) => ({ products: addProductTypes(builder), content: addContentTypes(builder) });
