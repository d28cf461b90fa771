import { connectionType, type GraphQLBuilder, parseId, type SchemaTypes, schemaTypes } from '@rustok/kernel';
import { type TObject, type TString, Type } from '@sinclair/typebox';
import {
  InventoryView,
  ListPriceView,
  PriceListView,
  PriceView,
  ProductTextView,
  ProductView,
  QuoteView,
  VariantTextView,
  VariantView,
} from '../schemas/catalog-views.js';

/** An `ID` argument as a canonical UUID (400 ID_INVALID otherwise). */
export const idArg = (value: string | number): string => parseId(String(value));

/** `first` / `after` of a list field as the `limit` / `cursor` of a use-case's query. */
export const pageArgs = (args: { first?: number | null; after?: string | null }): { limit: number; cursor?: string } => ({
  limit: args.first ?? 20,
  ...(args.after ? { cursor: args.after } : {}),
});

/**
 * Commerce's GraphQL types, derived from the schemas its REST routes validate with. Statuses and kinds
 * stay String and times ISO strings, as clients have sent and read them from the start (a status is
 * checked by the use-case, as over REST).
 */
export const commerceTypes = (builder: GraphQLBuilder): SchemaTypes => schemaTypes(builder, { literals: 'scalar', dateTimes: 'String' });

/** A translation's texts with its locale: GraphQL lists translations where REST keys them by locale. */
export const localized = <P extends TObject['properties']>(texts: TObject<P>): TObject<P & { locale: TString }> =>
  Type.Object({ locale: Type.String(), ...texts.properties });

/** `{ [locale]: texts }` as `[{ locale, …texts }]`. */
const listOf = <T extends object>(map: Record<string, T>) => Object.entries(map).map(([locale, texts]) => ({ locale, ...texts }));

const addPriceTypes = (builder: GraphQLBuilder, derive: SchemaTypes) => {
  const Price = derive.object(PriceView, {
    name: 'CommercePrice',
    description: 'A base price: integer minor units of an ISO 4217 currency, from a minimum quantity on',
  });
  derive.object(ListPriceView, { name: 'CommerceListPrice' });
  const PriceList = derive.object(PriceListView, { name: 'CommercePriceList' });
  const PriceListConnection = connectionType(builder, 'CommercePriceListConnection', PriceList);
  const Inventory = derive.object(InventoryView, { name: 'CommerceInventoryLevel' });
  const Quote = derive.object(QuoteView, { name: 'CommercePriceQuote' });
  return { Price, PriceList, PriceListConnection, Inventory, Quote };
};

const addVariantType = (derive: SchemaTypes) => {
  const Title = derive.object(localized(VariantTextView), { name: 'CommerceVariantTranslation' });
  return derive.object(VariantView, {
    name: 'CommerceVariant',
    fields: { translations: (t) => t.field({ type: [Title], resolve: (v) => listOf(v.translations) }) },
  });
};

const addProductType = (derive: SchemaTypes) => {
  const Text = derive.object(localized(ProductTextView), { name: 'CommerceProductTranslation' });
  derive.object(ProductView.properties.images.items, { name: 'CommerceProductImage' });
  return derive.object(ProductView, {
    name: 'CommerceProduct',
    description: 'A product in one resolved locale, with its variants, base prices, stock and translations',
    fields: { translations: (t) => t.field({ type: [Text], resolve: (p) => listOf(p.translations) }) },
  });
};

/** The catalog's GraphQL object types. */
export const addCatalogTypes = (builder: GraphQLBuilder) => {
  const derive = commerceTypes(builder);
  const prices = addPriceTypes(builder, derive);
  const Variant = addVariantType(derive);
  const Product = addProductType(derive);
  const ProductConnection = connectionType(builder, 'CommerceProductConnection', Product);
  return { ...prices, Variant, Product, ProductConnection };
};

export type CatalogTypes = ReturnType<typeof addCatalogTypes>;
