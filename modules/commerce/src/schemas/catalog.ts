import { Id, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { CURRENCY_CODE, MINOR_UNITS } from './descriptions.js';

/**
 * Inputs of the catalog: products with variants, prices and translations, price lists, stock.
 * Currency codes are checked against ISO 4217 by the use-cases (HTTP schemas only check the shape).
 */
export const HANDLE_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';
export const MAX_VARIANTS = 100;
const MAX_PRICES = 100;
const MAX_LIST_PRICES = 1000;

const strict = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });
const Text = (maxLength: number) => Type.String({ maxLength });
const NullableText = (maxLength: number) => Type.Optional(Nullable(Text(maxLength)));
export const Locale = () => Type.String({ pattern: LOCALE_PATTERN });
const Currency = () => Type.String({ pattern: '^[A-Z]{3}$', description: CURRENCY_CODE });
const Handle = () => Type.String({ pattern: HANDLE_PATTERN, minLength: 1, maxLength: 200 });
export const ProductStatus = () =>
  Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')], { description: 'draft, published or archived' });
export const PriceListKind = () => Type.Union([Type.Literal('sale'), Type.Literal('override')], { description: 'sale or override' });
const Title = () => Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const Sku = () => Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$' });
const Label = () => Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Labels = () => Type.Optional(Type.Array(Label(), { maxItems: 50, uniqueItems: true }));
const Metadata = () => Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 50 }));
const Size = (unit: string) => Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: unit })));
const Url = () => Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://\\S+$' });
/**
 * A product image given as an object: a `url`, or the `mediaId` of an image asset of the media module
 * (its URL and alternative text are filled in); a bare URL string is accepted as well.
 */
export const ImageObjectInput = strict({
  url: Type.Optional(Url()),
  mediaId: Type.Optional(Id({ description: 'An image asset of the media module, instead of a url' })),
  alt: NullableText(500),
});
const Image = () => Type.Union([Url(), ImageObjectInput]);
const RichText = () => Nullable(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())]));
const Translations = <T extends TSchema>(item: T) =>
  Type.Optional(Type.Record(Locale(), item, { maxProperties: 50, additionalProperties: false }));

export const Amount = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: MINOR_UNITS });
const MinQuantity = () => Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const PriceInput = strict({ amount: Amount(), currencyCode: Currency(), minQuantity: Type.Optional(MinQuantity()) });
export type PriceInput = Static<typeof PriceInput>;
const Prices = () => Type.Array(PriceInput, { maxItems: MAX_PRICES });

export const ProductTranslationInput = strict({ title: Title(), subtitle: NullableText(500), description: NullableText(100_000) });
export type ProductTranslationInput = Static<typeof ProductTranslationInput>;
export const VariantTranslationInput = strict({ title: Title() });
export type VariantTranslationInput = Static<typeof VariantTranslationInput>;

const variantFields = () => ({
  sku: Type.Optional(Nullable(Sku())),
  barcode: NullableText(100),
  options: Type.Optional(
    Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Text(200), {
      maxProperties: 20,
      description: 'Option name → value, e.g. { "size": "M" }',
    }),
  ),
  manageInventory: Type.Optional(Type.Boolean()),
  allowBackorder: Type.Optional(Type.Boolean()),
  weight: Size('grams'),
  length: Size('millimetres'),
  height: Size('millimetres'),
  width: Size('millimetres'),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  metadata: Metadata(),
});

export const CreateVariantInput = strict({
  title: Title(),
  ...variantFields(),
  prices: Type.Optional(Prices()),
  inventory: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
  translations: Translations(VariantTranslationInput),
});
export type CreateVariantInput = Static<typeof CreateVariantInput>;

export const UpdateVariantInput = strict({
  title: Type.Optional(Title()),
  ...variantFields(),
  translations: Translations(Nullable(VariantTranslationInput)),
});
export type UpdateVariantInput = Static<typeof UpdateVariantInput>;

const productFields = () => ({
  handle: Type.Optional(Handle()),
  subtitle: NullableText(500),
  description: NullableText(100_000),
  richDescription: Type.Optional(RichText()),
  status: Type.Optional(ProductStatus()),
  discountable: Type.Optional(Type.Boolean()),
  seoTitle: NullableText(300),
  seoDescription: NullableText(1000),
  categories: Labels(),
  tags: Labels(),
  images: Type.Optional(Type.Array(Image(), { maxItems: 50 })),
  metadata: Metadata(),
});

export const CreateProductInput = strict({
  title: Title(),
  ...productFields(),
  variants: Type.Optional(Type.Array(CreateVariantInput, { maxItems: MAX_VARIANTS })),
  translations: Translations(ProductTranslationInput),
});
export type CreateProductInput = Static<typeof CreateProductInput>;

export const UpdateProductInput = strict({
  title: Type.Optional(Title()),
  ...productFields(),
  translations: Translations(Nullable(ProductTranslationInput)),
});
export type UpdateProductInput = Static<typeof UpdateProductInput>;

export const SetPricesInput = strict({ prices: Prices() });
export type SetPricesInput = Static<typeof SetPricesInput>;

export const SetInventoryInput = strict({ available: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) });
export type SetInventoryInput = Static<typeof SetInventoryInput>;

export const ListPriceInput = strict({
  variantId: Id(),
  amount: Amount(),
  currencyCode: Currency(),
  minQuantity: Type.Optional(MinQuantity()),
});
export type ListPriceInput = Static<typeof ListPriceInput>;
const ListPrices = () => Type.Array(ListPriceInput, { maxItems: MAX_LIST_PRICES });

const priceListFields = () => ({
  kind: Type.Optional(PriceListKind()),
  startsAt: Type.Optional(Nullable(Timestamp())),
  endsAt: Type.Optional(Nullable(Timestamp())),
  active: Type.Optional(Type.Boolean()),
});
const ListName = () => Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const CreatePriceListInput = strict({ name: ListName(), ...priceListFields(), prices: Type.Optional(ListPrices()) });
export type CreatePriceListInput = Static<typeof CreatePriceListInput>;
export const UpdatePriceListInput = strict({ name: Type.Optional(ListName()), ...priceListFields() });
export type UpdatePriceListInput = Static<typeof UpdatePriceListInput>;
export const SetListPricesInput = strict({ prices: ListPrices() });
export type SetListPricesInput = Static<typeof SetListPricesInput>;

const Limit = () => Type.Integer({ minimum: 1, maximum: 100, default: 20 });
export const ListProductsQuery = strict({
  status: Type.Optional(ProductStatus()),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  category: Type.Optional(Label()),
  tag: Type.Optional(Label()),
  locale: Type.Optional(Locale()),
  limit: Limit(),
  cursor: Type.Optional(Id()),
});
export type ListProductsQuery = Static<typeof ListProductsQuery>;

export const PageQuery = strict({ limit: Limit(), cursor: Type.Optional(Id()) });
export type PageQuery = Static<typeof PageQuery>;

export const QuoteQuery = strict({
  currency: Currency(),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  priceList: Type.Optional(Id()),
});
export type QuoteQuery = Static<typeof QuoteQuery>;
