import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** The shop's settings the admin edits, each a REST resource under /commerce (all need commerce.settings.manage). */
export type ShopResource = 'tax-rates' | 'shipping-options' | 'discounts';

/** One tax rate per destination country, in basis points (2000 = 20 %), added on top of net prices. */
export interface TaxRate {
  readonly id: string;
  readonly countryCode: string;
  readonly name: string;
  readonly rateBp: number;
}

/** A flat shipping amount (minor units) in one currency. */
export interface ShippingOption {
  readonly id: string;
  readonly name: string;
  readonly currencyCode: string;
  readonly amount: number;
  readonly active: boolean;
}

/** A discount code: a percentage (basis points) or a fixed amount (minor units of its currency). */
export interface Discount {
  readonly id: string;
  readonly code: string;
  readonly kind: 'percentage' | 'fixed';
  readonly value: number;
  readonly currencyCode: string | null;
  readonly usageLimit: number | null;
  readonly usageCount: number;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly active: boolean;
}

export interface ShopItems {
  readonly 'tax-rates': TaxRate;
  readonly 'shipping-options': ShippingOption;
  readonly discounts: Discount;
}

/** The first 100 of a resource, newest first (a shop has a handful of each). */
export const shopListQuery = <R extends ShopResource>(resource: R) =>
  queryOptions({
    queryKey: ['commerce', 'shop-settings', resource],
    queryFn: () => api<{ items: ShopItems[R][]; nextCursor: string | null }>(`/commerce/${resource}?limit=100`),
  });

/** Creates one (POST) or, with an id, changes it (PATCH). */
export const saveShopItem = <R extends ShopResource>({ resource, id, body }: { resource: R; id?: string; body: object }) =>
  api<ShopItems[R]>(id ? `/commerce/${resource}/${id}` : `/commerce/${resource}`, { method: id ? 'PATCH' : 'POST', body });

export const deleteShopItem = ({ resource, id }: { resource: ShopResource; id: string }) =>
  api<void>(`/commerce/${resource}/${id}`, { method: 'DELETE' });
