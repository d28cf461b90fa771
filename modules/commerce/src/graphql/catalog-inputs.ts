import { type GraphQLBuilder, type SchemaTypes, withoutNulls } from '@rustok/kernel';
import {
  CreatePriceListInput,
  CreateProductInput,
  CreateVariantInput,
  ImageObjectInput,
  ListPriceInput,
  ListProductsQuery,
  PriceInput,
  ProductTranslationInput,
  UpdatePriceListInput,
  UpdateProductInput,
  UpdateVariantInput,
  VariantTranslationInput,
} from '../schemas/catalog.js';
import { commerceTypes, localized } from './catalog-types.js';

/**
 * The catalog's GraphQL inputs, derived from the REST input schemas. Where GraphQL differs: translations
 * are a list of `{ locale, …texts }` (plus `removeTranslations`) instead of an object keyed by locale, and
 * an image is always an object.
 */

const addPriceInputs = (derive: SchemaTypes) => ({
  Price: derive.input(PriceInput, { name: 'CommercePriceInput' }),
  ListPrice: derive.input(ListPriceInput, { name: 'CommerceListPriceInput' }),
  CreateList: derive.input(CreatePriceListInput, { name: 'CreateCommercePriceListInput' }),
  UpdateList: derive.input(UpdatePriceListInput, { name: 'UpdateCommercePriceListInput' }),
});

const addVariantInputs = (derive: SchemaTypes) => {
  const Text = derive.input(localized(VariantTranslationInput), { name: 'CommerceVariantTranslationInput' });
  return {
    CreateVariant: derive.input(CreateVariantInput, {
      name: 'CreateCommerceVariantInput',
      fields: { translations: (t) => t.field({ type: [Text] }) },
    }),
    UpdateVariant: derive.input(UpdateVariantInput, {
      name: 'UpdateCommerceVariantInput',
      fields: { translations: (t) => t.field({ type: [Text] }), removeTranslations: (t) => t.stringList() },
    }),
  };
};

const addProductInputs = (derive: SchemaTypes, { CreateVariant }: ReturnType<typeof addVariantInputs>) => {
  const Text = derive.input(localized(ProductTranslationInput), { name: 'CommerceProductTranslationInput' });
  const Image = derive.input(ImageObjectInput, { name: 'CommerceProductImageInput' });
  return {
    CreateProduct: derive.input(CreateProductInput, {
      name: 'CreateCommerceProductInput',
      fields: {
        images: (t) => t.field({ type: [Image] }),
        variants: (t) => t.field({ type: [CreateVariant] }),
        translations: (t) => t.field({ type: [Text] }),
      },
    }),
    UpdateProduct: derive.input(UpdateProductInput, {
      name: 'UpdateCommerceProductInput',
      fields: {
        images: (t) => t.field({ type: [Image] }),
        translations: (t) => t.field({ type: [Text] }),
        removeTranslations: (t) => t.stringList(),
      },
    }),
    Filter: derive.input(ListProductsQuery, { name: 'CommerceProductFilter', omit: ['limit', 'cursor'] }),
  };
};

/** The catalog's GraphQL input types. */
export const addCatalogInputs = (builder: GraphQLBuilder) => {
  const derive = commerceTypes(builder);
  // Shared inputs first, so that they carry their own names where the bigger ones nest them.
  const prices = addPriceInputs(derive);
  const variants = addVariantInputs(derive);
  return { ...prices, ...variants, ...addProductInputs(derive, variants) };
};

type Inputs = ReturnType<typeof addCatalogInputs>;
type Given<K extends keyof Inputs> = Inputs[K]['$inferInput'];

/** `[{ locale, …texts }]` as the REST shape `{ [locale]: texts }`. */
const byLocale = <T extends { locale: string }>(list: readonly T[]) =>
  Object.fromEntries(list.map(({ locale, ...texts }) => [locale, texts]));

/** Texts to put and locales to remove as `{ [locale]: texts | null }`, or nothing when neither is given. */
const changes = <T extends { locale: string }>(put: readonly T[] | undefined, removed: readonly string[] | undefined) =>
  put || removed
    ? { translations: { ...byLocale(put ?? []), ...Object.fromEntries((removed ?? []).map((locale) => [locale, null])) } }
    : {};

export const toCreateVariant = (input: Given<'CreateVariant'>): CreateVariantInput => {
  const { translations, ...rest } = withoutNulls(input);
  return { ...rest, ...(translations ? { translations: byLocale(translations) } : {}) };
};

export const toUpdateVariant = (input: Given<'UpdateVariant'>): UpdateVariantInput => {
  const { translations, removeTranslations, ...rest } = withoutNulls(input);
  return { ...rest, ...changes(translations, removeTranslations) };
};

export const toCreateProduct = (input: Given<'CreateProduct'>): CreateProductInput => {
  const { translations, variants, ...rest } = withoutNulls(input);
  return {
    ...rest,
    ...(translations ? { translations: byLocale(translations) } : {}),
    ...(variants ? { variants: variants.map(toCreateVariant) } : {}),
  };
};

export const toUpdateProduct = (input: Given<'UpdateProduct'>): UpdateProductInput => {
  const { translations, removeTranslations, ...rest } = withoutNulls(input);
  return { ...rest, ...changes(translations, removeTranslations) };
};
