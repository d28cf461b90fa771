import { Id, Nullable } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Amount, PriceListKind, ProductStatus } from './catalog.js';
import { CURRENCY_CODE } from './descriptions.js';

/** What the catalog answers: products with variants, prices, stock and translations; price lists; quotes. */
const NullableString = () => Nullable(Type.String());
const NullableInt = () => Nullable(Type.Integer());
const CurrencyCode = () => Type.String({ description: CURRENCY_CODE });

export const PriceView = Type.Object({ id: Id(), amount: Amount(), currencyCode: CurrencyCode(), minQuantity: Type.Integer() });
export type PriceView = Static<typeof PriceView>;

export const VariantTextView = Type.Object({ title: Type.String() });

export const VariantView = Type.Object({
  id: Id(),
  productId: Id(),
  title: Type.String(),
  sku: NullableString(),
  barcode: NullableString(),
  options: Type.Record(Type.String(), Type.String()),
  manageInventory: Type.Boolean(),
  allowBackorder: Type.Boolean(),
  weight: NullableInt(),
  length: NullableInt(),
  height: NullableInt(),
  width: NullableInt(),
  position: Type.Integer(),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  available: Nullable(
    Type.Integer({
      description:
        'Units in stock now (0 when never set); null for callers without commerce.products.read where the shop hides stock counts (settings `exposeStock: false`)',
    }),
  ),
  inventoryVersion: Type.Integer(),
  /** Base prices (no price list), by currency then quantity tier. */
  prices: Type.Array(PriceView),
  translations: Type.Record(Type.String(), VariantTextView),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type VariantView = Static<typeof VariantView>;

export const ProductTextView = Type.Object({ title: Type.String(), subtitle: NullableString(), description: NullableString() });
export type ProductTextView = Static<typeof ProductTextView>;

export const ProductView = Type.Object({
  id: Id(),
  handle: Type.String(),
  /** The locale of title, subtitle, description and variant titles below. */
  locale: Type.String(),
  title: Type.String(),
  subtitle: NullableString(),
  description: NullableString(),
  richDescription: Type.Unknown(),
  status: ProductStatus(),
  discountable: Type.Boolean(),
  seoTitle: NullableString(),
  seoDescription: NullableString(),
  categories: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  images: Type.Array(Type.Object({ url: Type.String(), alt: NullableString(), mediaId: Type.Optional(Type.String()) })),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  /** Grows with every change of the product, its translations, variants or prices. */
  version: Type.Integer(),
  publishedAt: NullableString(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  variants: Type.Array(VariantView),
  translations: Type.Record(Type.String(), ProductTextView),
});
export type ProductView = Static<typeof ProductView>;

export const InventoryView = Type.Object({
  variantId: Id(),
  productId: Id(),
  available: Type.Integer(),
  version: Type.Integer(),
  manageInventory: Type.Boolean(),
  allowBackorder: Type.Boolean(),
  updatedAt: NullableString(),
});
export type InventoryView = Static<typeof InventoryView>;

export const ListPriceView = Type.Object({
  id: Id(),
  variantId: Id(),
  productId: Id(),
  amount: Amount(),
  currencyCode: CurrencyCode(),
  minQuantity: Type.Integer(),
});
export type ListPriceView = Static<typeof ListPriceView>;

export const PriceListView = Type.Object({
  id: Id(),
  name: Type.String(),
  kind: PriceListKind(),
  startsAt: NullableString(),
  endsAt: NullableString(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  prices: Type.Array(ListPriceView),
});
export type PriceListView = Static<typeof PriceListView>;

export const QuoteView = Type.Object({
  variantId: Id(),
  productId: Id(),
  currencyCode: CurrencyCode(),
  quantity: Type.Integer(),
  unitAmount: Amount(),
  totalAmount: Amount(),
  minQuantity: Type.Integer(),
  priceId: Id(),
  priceListId: NullableString(),
  priceListKind: Nullable(PriceListKind()),
});
export type QuoteView = Static<typeof QuoteView>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
