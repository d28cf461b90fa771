import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import type { Price, Variant } from './products.js';

/** What a variant's form sends: POST adds one, PATCH changes one. */
export interface VariantFields {
  readonly title: string;
  readonly sku: string | null;
  readonly options: Readonly<Record<string, string>>;
}

export const addVariant = ({
  productId,
  ...fields
}: VariantFields & { productId: string; prices?: readonly Price[]; inventory?: number }) =>
  api<Variant>(`/commerce/products/${productId}/variants`, { method: 'POST', body: fields });

export const updateVariant = ({ productId, variantId, ...fields }: VariantFields & { productId: string; variantId: string }) =>
  api<Variant>(`/commerce/products/${productId}/variants/${variantId}`, { method: 'PATCH', body: fields });

export const deleteVariant = ({ productId, variantId }: { productId: string; variantId: string }) =>
  api<void>(`/commerce/products/${productId}/variants/${variantId}`, { method: 'DELETE' });

/** Replaces every base price of the variant. */
export const setVariantPrices = ({ variantId, prices }: { variantId: string; prices: readonly Price[] }) =>
  api<Variant>(`/commerce/variants/${variantId}/prices`, {
    method: 'PUT',
    body: { prices: prices.map(({ amount, currencyCode, minQuantity }) => ({ amount, currencyCode, minQuantity: minQuantity ?? 1 })) },
  });

export interface Inventory {
  readonly variantId: string;
  readonly available: number;
  readonly version: number;
  readonly updatedAt: string | null;
}

export const inventoryQuery = (variantId: string) =>
  queryOptions({ queryKey: ['commerce', 'inventory', variantId], queryFn: () => api<Inventory>(`/commerce/inventory/${variantId}`) });

export const setInventory = ({ variantId, available }: { variantId: string; available: number }) =>
  api<Inventory>(`/commerce/inventory/${variantId}`, { method: 'PUT', body: { available } });
