import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';
import type { Price, Variant } from './products.js';

/** What a variant's form sends: adding one takes these with prices and stock, changing one these alone. */
export interface VariantFields {
  readonly title: string;
  readonly sku: string | null;
  readonly options: Readonly<Record<string, string>>;
}

const AddVariantDocument = graphql(`
  mutation AddVariant($productId: ID!, $input: CreateCommerceVariantInput!) {
    addCommerceVariant(productId: $productId, input: $input) { id }
  }
`);

const DeleteVariantDocument = graphql(`
  mutation DeleteVariant($productId: ID!, $variantId: ID!) {
    deleteCommerceVariant(productId: $productId, variantId: $variantId)
  }
`);

const SetVariantPricesDocument = graphql(`
  mutation SetVariantPrices($variantId: ID!, $prices: [CommercePriceInput!]!) {
    setCommerceVariantPrices(variantId: $variantId, prices: $prices) { id }
  }
`);

const InventoryDocument = graphql(`
  query Inventory($variantId: ID!) {
    commerceInventory(variantId: $variantId) { available }
  }
`);

const SetInventoryDocument = graphql(`
  mutation SetInventory($variantId: ID!, $available: Int!) {
    setCommerceInventory(variantId: $variantId, available: $available) { available }
  }
`);

export const addVariant = async ({
  productId,
  prices,
  ...fields
}: VariantFields & { productId: string; prices?: readonly Price[]; inventory?: number }) =>
  (await gql(AddVariantDocument, { productId, input: { ...fields, ...(prices ? { prices: [...prices] } : {}) } })).addCommerceVariant;

// REST: GraphQL's updateCommerceVariant drops null fields, so a cleared SKU would be kept.
export const updateVariant = ({ productId, variantId, ...fields }: VariantFields & { productId: string; variantId: string }) =>
  api<Variant>(`/commerce/products/${productId}/variants/${variantId}`, { method: 'PATCH', body: fields });

export const deleteVariant = async ({ productId, variantId }: { productId: string; variantId: string }) => {
  await gql(DeleteVariantDocument, { productId, variantId });
};

/** Replaces every base price of the variant. */
export const setVariantPrices = async ({ variantId, prices }: { variantId: string; prices: readonly Price[] }) => {
  const input = prices.map(({ amount, currencyCode, minQuantity }) => ({ amount, currencyCode, minQuantity: minQuantity ?? 1 }));
  return (await gql(SetVariantPricesDocument, { variantId, prices: input })).setCommerceVariantPrices;
};

/** A variant's stock level (units available now; 0 when never set). */
export interface Inventory {
  readonly available: number;
}

const stockOf = (level: { readonly available: number | null } | null | undefined): Inventory => ({ available: level?.available ?? 0 });

export const inventoryQuery = (variantId: string) =>
  queryOptions({
    queryKey: ['commerce', 'inventory', variantId],
    queryFn: async () => stockOf((await gql(InventoryDocument, { variantId })).commerceInventory),
  });

export const setInventory = async ({ variantId, available }: { variantId: string; available: number }) =>
  stockOf((await gql(SetInventoryDocument, { variantId, available })).setCommerceInventory);
