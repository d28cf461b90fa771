import type { GraphQLBuilder } from '@rustok/kernel';
import type {
  CreatePriceListInput,
  CreateProductInput,
  CreateVariantInput,
  UpdatePriceListInput,
  UpdateProductInput,
  UpdateVariantInput,
} from '../schemas/catalog.js';
import { clean } from './catalog-types.js';

type InputFields = Parameters<Parameters<GraphQLBuilder['inputType']>[1]['fields']>[0];

const variantFields = (t: InputFields) => ({
  sku: t.string(),
  barcode: t.string(),
  options: t.field({ type: 'JSON', description: 'Option name → value, e.g. { "size": "M" }' }),
  manageInventory: t.boolean(),
  allowBackorder: t.boolean(),
  weight: t.int({ description: 'grams' }),
  length: t.int({ description: 'millimetres' }),
  height: t.int(),
  width: t.int(),
  position: t.int(),
  metadata: t.field({ type: 'JSON' }),
});

const productFields = (t: InputFields) => ({
  handle: t.string(),
  subtitle: t.string(),
  description: t.string(),
  richDescription: t.field({ type: 'JSON' }),
  status: t.string({ description: 'draft, published or archived' }),
  discountable: t.boolean(),
  seoTitle: t.string(),
  seoDescription: t.string(),
  categories: t.stringList(),
  tags: t.stringList(),
  metadata: t.field({ type: 'JSON' }),
});

const addPriceInputs = (builder: GraphQLBuilder) => {
  const Price = builder.inputType('CommercePriceInput', {
    fields: (t) => ({
      amount: t.float({ required: true, description: 'Integer minor units' }),
      currencyCode: t.string({ required: true }),
      minQuantity: t.int(),
    }),
  });
  const ListPrice = builder.inputType('CommerceListPriceInput', {
    fields: (t) => ({
      variantId: t.id({ required: true }),
      amount: t.float({ required: true, description: 'Integer minor units' }),
      currencyCode: t.string({ required: true }),
      minQuantity: t.int(),
    }),
  });
  const listFields = (t: InputFields) => ({ kind: t.string(), startsAt: t.string(), endsAt: t.string(), active: t.boolean() });
  const CreateList = builder.inputType('CreateCommercePriceListInput', {
    fields: (t) => ({ name: t.string({ required: true }), ...listFields(t), prices: t.field({ type: [ListPrice] }) }),
  });
  const UpdateList = builder.inputType('UpdateCommercePriceListInput', { fields: (t) => ({ name: t.string(), ...listFields(t) }) });
  return { Price, ListPrice, CreateList, UpdateList };
};

const addTextInputs = (builder: GraphQLBuilder) => ({
  ProductText: builder.inputType('CommerceProductTranslationInput', {
    fields: (t) => ({
      locale: t.string({ required: true }),
      title: t.string({ required: true }),
      subtitle: t.string(),
      description: t.string(),
    }),
  }),
  VariantText: builder.inputType('CommerceVariantTranslationInput', {
    fields: (t) => ({ locale: t.string({ required: true }), title: t.string({ required: true }) }),
  }),
  Image: builder.inputType('CommerceProductImageInput', { fields: (t) => ({ url: t.string({ required: true }), alt: t.string() }) }),
});

type TextInputs = ReturnType<typeof addTextInputs>;
type PriceInputs = ReturnType<typeof addPriceInputs>;

const addVariantInputs = (builder: GraphQLBuilder, { VariantText }: TextInputs, { Price }: PriceInputs) => ({
  CreateVariant: builder.inputType('CreateCommerceVariantInput', {
    fields: (t) => ({
      title: t.string({ required: true }),
      ...variantFields(t),
      prices: t.field({ type: [Price] }),
      inventory: t.int(),
      translations: t.field({ type: [VariantText] }),
    }),
  }),
  UpdateVariant: builder.inputType('UpdateCommerceVariantInput', {
    fields: (t) => ({
      title: t.string(),
      ...variantFields(t),
      translations: t.field({ type: [VariantText] }),
      removeTranslations: t.stringList(),
    }),
  }),
});

/** The catalog's GraphQL input types. */
export const addCatalogInputs = (builder: GraphQLBuilder) => {
  const prices = addPriceInputs(builder);
  const texts = addTextInputs(builder);
  const variants = addVariantInputs(builder, texts, prices);
  const CreateProduct = builder.inputType('CreateCommerceProductInput', {
    fields: (t) => ({
      title: t.string({ required: true }),
      ...productFields(t),
      images: t.field({ type: [texts.Image] }),
      variants: t.field({ type: [variants.CreateVariant] }),
      translations: t.field({ type: [texts.ProductText] }),
    }),
  });
  const UpdateProduct = builder.inputType('UpdateCommerceProductInput', {
    fields: (t) => ({
      title: t.string(),
      ...productFields(t),
      images: t.field({ type: [texts.Image] }),
      translations: t.field({ type: [texts.ProductText] }),
      removeTranslations: t.stringList(),
    }),
  });
  const Filter = builder.inputType('CommerceProductFilter', {
    fields: (t) => ({ status: t.string(), q: t.string(), category: t.string(), tag: t.string(), locale: t.string() }),
  });
  return { ...prices, ...variants, CreateProduct, UpdateProduct, Filter };
};

type Localized = { locale: string } & Record<string, unknown>;
type GqlInput = Record<string, unknown> & { translations?: Localized[]; removeTranslations?: string[] };

/** `[{ locale, …texts }]` (+ `removeTranslations`) as the REST shape `{ [locale]: texts | null }`. */
const translationMap = (input: GqlInput) => {
  const { translations, removeTranslations, ...rest } = input;
  if (!translations && !removeTranslations) return rest;
  const map: Record<string, unknown> = {};
  for (const { locale, ...texts } of translations ?? []) map[locale] = texts;
  for (const locale of removeTranslations ?? []) map[locale] = null;
  return { ...rest, translations: map };
};

const withVariants = (input: GqlInput) => {
  const out = translationMap(input);
  const variants = out.variants as GqlInput[] | undefined;
  return variants ? { ...out, variants: variants.map(translationMap) } : out;
};

export const toCreateProduct = (input: object): CreateProductInput =>
  withVariants(clean(input) as GqlInput) as unknown as CreateProductInput;
export const toUpdateProduct = (input: object): UpdateProductInput =>
  translationMap(clean(input) as GqlInput) as unknown as UpdateProductInput;
export const toCreateVariant = (input: object): CreateVariantInput =>
  translationMap(clean(input) as GqlInput) as unknown as CreateVariantInput;
export const toUpdateVariant = (input: object): UpdateVariantInput =>
  translationMap(clean(input) as GqlInput) as unknown as UpdateVariantInput;
export const toCreatePriceList = (input: object): CreatePriceListInput => clean(input) as unknown as CreatePriceListInput;
export const toUpdatePriceList = (input: object): UpdatePriceListInput => clean(input) as unknown as UpdatePriceListInput;
