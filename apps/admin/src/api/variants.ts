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

/** The base prices scaled by a percentage (e.g. 10 → +10 %, -5 → −5 %), rounded to whole minor units, never below zero. */
export const scaledPrices = (prices: readonly Price[], percent: number): Price[] =>
  prices.map((p) => ({ ...p, amount: Math.max(0, Math.round((p.amount * (100 + percent)) / 100)) }));

/** Options written one per line as "name: value" (the form's text) → the API's record. */
export const parseOptions = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split(':'))
      .filter((parts) => parts.length >= 2 && (parts[0] ?? '').trim())
      .map(([name, ...value]) => [(name ?? '').trim(), value.join(':').trim()]),
  );

export const formatOptions = (options: Readonly<Record<string, string>> | undefined): string =>
  Object.entries(options ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** A decimal amount as typed ("27.5") → minor units (2750). */
export const minorUnits = (text: string): number => Math.round(Number(text) * 100);
