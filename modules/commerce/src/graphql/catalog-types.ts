import { type GraphQLBuilder, parseId } from '@rustok/kernel';
import type {
  InventoryView,
  ListPriceView,
  Paged,
  PriceListView,
  PriceView,
  ProductTextView,
  ProductView,
  QuoteView,
  VariantView,
} from '../schemas/catalog-views.js';

/** An `ID` argument as a canonical UUID (400 ID_INVALID otherwise). */
export const idArg = (value: string | number): string => parseId(String(value));

/** Drops GraphQL's explicit nulls, deeply (null means "not given" in the catalog's GraphQL inputs). */
export const clean = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, clean(v)]),
  ) as T;
};

/** `first` / `after` of a list field as the `limit` / `cursor` of a use-case's query. */
export const pageArgs = (args: { first?: number | null; after?: string | null }): { limit: number; cursor?: string } => ({
  limit: args.first ?? 20,
  ...(args.after ? { cursor: args.after } : {}),
});

const addPriceListTypes = (builder: GraphQLBuilder) => {
  const ListPrice = builder.objectRef<ListPriceView>('CommerceListPrice').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      variantId: t.exposeID('variantId'),
      productId: t.exposeID('productId'),
      amount: t.exposeFloat('amount'),
      currencyCode: t.exposeString('currencyCode'),
      minQuantity: t.exposeInt('minQuantity'),
    }),
  });
  const PriceList = builder.objectRef<PriceListView>('CommercePriceList').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      kind: t.exposeString('kind', { description: 'sale or override' }),
      startsAt: t.exposeString('startsAt', { nullable: true }),
      endsAt: t.exposeString('endsAt', { nullable: true }),
      active: t.exposeBoolean('active'),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
      prices: t.field({ type: [ListPrice], resolve: (l) => l.prices }),
    }),
  });
  const PriceListConnection = builder.objectRef<Paged<PriceListView>>('CommercePriceListConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [PriceList], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  return { PriceList, PriceListConnection };
};

/** Money is integer minor units; GraphQL's Int is 32-bit, so amounts travel as Float holding an integer. */
const addPriceTypes = (builder: GraphQLBuilder) => {
  const Price = builder.objectRef<PriceView>('CommercePrice').implement({
    description: 'A base price: integer minor units of an ISO 4217 currency, from a minimum quantity on',
    fields: (t) => ({
      id: t.exposeID('id'),
      amount: t.exposeFloat('amount'),
      currencyCode: t.exposeString('currencyCode'),
      minQuantity: t.exposeInt('minQuantity'),
    }),
  });
  return { Price, ...addPriceListTypes(builder) };
};

const addStockTypes = (builder: GraphQLBuilder) => {
  const Inventory = builder.objectRef<InventoryView>('CommerceInventoryLevel').implement({
    fields: (t) => ({
      variantId: t.exposeID('variantId'),
      productId: t.exposeID('productId'),
      available: t.exposeInt('available'),
      version: t.exposeInt('version'),
      manageInventory: t.exposeBoolean('manageInventory'),
      allowBackorder: t.exposeBoolean('allowBackorder'),
      updatedAt: t.exposeString('updatedAt', { nullable: true }),
    }),
  });
  const Quote = builder.objectRef<QuoteView>('CommercePriceQuote').implement({
    fields: (t) => ({
      variantId: t.exposeID('variantId'),
      productId: t.exposeID('productId'),
      currencyCode: t.exposeString('currencyCode'),
      quantity: t.exposeInt('quantity'),
      unitAmount: t.exposeFloat('unitAmount'),
      totalAmount: t.exposeFloat('totalAmount'),
      minQuantity: t.exposeInt('minQuantity'),
      priceId: t.exposeID('priceId'),
      priceListId: t.exposeString('priceListId', { nullable: true }),
      priceListKind: t.exposeString('priceListKind', { nullable: true }),
    }),
  });
  return { Inventory, Quote };
};

type VariantTitle = { locale: string; title: string };
type ProductText = ProductTextView & { locale: string };
const listOf = <T>(map: Record<string, T>) => Object.entries(map).map(([locale, t]) => ({ locale, ...t }));

const addVariantType = (builder: GraphQLBuilder, Price: ReturnType<typeof addPriceTypes>['Price']) => {
  const Title = builder.objectRef<VariantTitle>('CommerceVariantTranslation').implement({
    fields: (t) => ({ locale: t.exposeString('locale'), title: t.exposeString('title') }),
  });
  return builder.objectRef<VariantView>('CommerceVariant').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      productId: t.exposeID('productId'),
      title: t.exposeString('title'),
      sku: t.exposeString('sku', { nullable: true }),
      barcode: t.exposeString('barcode', { nullable: true }),
      options: t.field({ type: 'JSON', resolve: (v) => v.options }),
      manageInventory: t.exposeBoolean('manageInventory'),
      allowBackorder: t.exposeBoolean('allowBackorder'),
      weight: t.exposeInt('weight', { nullable: true }),
      length: t.exposeInt('length', { nullable: true }),
      height: t.exposeInt('height', { nullable: true }),
      width: t.exposeInt('width', { nullable: true }),
      position: t.exposeInt('position'),
      metadata: t.field({ type: 'JSON', resolve: (v) => v.metadata }),
      available: t.exposeInt('available', { nullable: true, description: 'Null for the public where the shop hides stock counts' }),
      inventoryVersion: t.exposeInt('inventoryVersion'),
      prices: t.field({ type: [Price], resolve: (v) => v.prices }),
      translations: t.field({ type: [Title], resolve: (v) => listOf(v.translations) }),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });
};

const addProductType = (builder: GraphQLBuilder, Variant: ReturnType<typeof addVariantType>) => {
  const Text = builder.objectRef<ProductText>('CommerceProductTranslation').implement({
    fields: (t) => ({
      locale: t.exposeString('locale'),
      title: t.exposeString('title'),
      subtitle: t.exposeString('subtitle', { nullable: true }),
      description: t.exposeString('description', { nullable: true }),
    }),
  });
  const Image = builder.objectRef<ProductView['images'][number]>('CommerceProductImage').implement({
    fields: (t) => ({ url: t.exposeString('url'), alt: t.exposeString('alt', { nullable: true }) }),
  });
  return builder.objectRef<ProductView>('CommerceProduct').implement({
    description: 'A product in one resolved locale, with its variants, base prices, stock and translations',
    fields: (t) => ({
      id: t.exposeID('id'),
      handle: t.exposeString('handle'),
      locale: t.exposeString('locale'),
      title: t.exposeString('title'),
      subtitle: t.exposeString('subtitle', { nullable: true }),
      description: t.exposeString('description', { nullable: true }),
      richDescription: t.field({ type: 'JSON', nullable: true, resolve: (p) => p.richDescription ?? null }),
      status: t.exposeString('status'),
      discountable: t.exposeBoolean('discountable'),
      seoTitle: t.exposeString('seoTitle', { nullable: true }),
      seoDescription: t.exposeString('seoDescription', { nullable: true }),
      categories: t.exposeStringList('categories'),
      tags: t.exposeStringList('tags'),
      images: t.field({ type: [Image], resolve: (p) => p.images }),
      metadata: t.field({ type: 'JSON', resolve: (p) => p.metadata }),
      version: t.exposeInt('version'),
      publishedAt: t.exposeString('publishedAt', { nullable: true }),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
      variants: t.field({ type: [Variant], resolve: (p) => p.variants }),
      translations: t.field({ type: [Text], resolve: (p) => listOf(p.translations) }),
    }),
  });
};

/** The catalog's GraphQL object types. */
export const addCatalogTypes = (builder: GraphQLBuilder) => {
  const prices = addPriceTypes(builder);
  const Variant = addVariantType(builder, prices.Price);
  const Product = addProductType(builder, Variant);
  const ProductConnection = builder.objectRef<Paged<ProductView>>('CommerceProductConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Product], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  return { ...prices, ...addStockTypes(builder), Variant, Product, ProductConnection };
};

export type CatalogTypes = ReturnType<typeof addCatalogTypes>;
