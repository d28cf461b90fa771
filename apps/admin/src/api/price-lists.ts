import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export type PriceListKind = 'sale' | 'override';
export const PRICE_LIST_KINDS: readonly PriceListKind[] = ['sale', 'override'];

/** A price of a price list: a variant's amount in a currency from a quantity up. */
export interface ListPrice {
  readonly variantId: string;
  readonly productId?: string;
  readonly amount: number;
  readonly currencyCode: string;
  readonly minQuantity: number;
}

export interface PriceList {
  readonly id: string;
  readonly name: string;
  readonly kind: PriceListKind;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly active: boolean;
  readonly updatedAt: string;
  readonly prices: readonly ListPrice[];
}

/** What create and change take (the window's ends as ISO timestamps or null). */
export interface PriceListFields {
  readonly name: string;
  readonly kind: PriceListKind;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly active: boolean;
}

export const priceListsQuery = queryOptions({
  queryKey: ['commerce', 'price-lists'],
  queryFn: () => api<{ items: PriceList[]; nextCursor: string | null }>('/commerce/price-lists?limit=100'),
});

export const priceListQuery = (id: string) =>
  queryOptions({ queryKey: ['commerce', 'price-list', id], queryFn: () => api<PriceList>(`/commerce/price-lists/${id}`) });

export const createPriceList = (fields: PriceListFields) => api<PriceList>('/commerce/price-lists', { method: 'POST', body: fields });

export const updatePriceList = ({ id, ...fields }: PriceListFields & { id: string }) =>
  api<PriceList>(`/commerce/price-lists/${id}`, { method: 'PATCH', body: fields });

/** Replaces every price of the list. */
export const setPriceListPrices = ({ id, prices }: { id: string; prices: readonly ListPrice[] }) =>
  api<PriceList>(`/commerce/price-lists/${id}/prices`, {
    method: 'PUT',
    body: { prices: prices.map(({ variantId, amount, currencyCode, minQuantity }) => ({ variantId, amount, currencyCode, minQuantity })) },
  });
