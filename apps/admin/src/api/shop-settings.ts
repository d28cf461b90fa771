import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';

/** The shop's settings the admin edits (all need commerce.settings.manage). */
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

const TaxRatesDocument = graphql(`
  query TaxRates { commerceTaxRates(first: 100) { items { id countryCode name rateBp } } }
`);
const CreateTaxRateDocument = graphql(`
  mutation CreateTaxRate($input: CommerceTaxRateInput!) { createCommerceTaxRate(input: $input) { id countryCode name rateBp } }
`);
const UpdateTaxRateDocument = graphql(`
  mutation UpdateTaxRate($id: ID!, $input: CommerceTaxRateInput!) {
    updateCommerceTaxRate(id: $id, input: $input) { id countryCode name rateBp }
  }
`);
const DeleteTaxRateDocument = graphql(`
  mutation DeleteTaxRate($id: ID!) { deleteCommerceTaxRate(id: $id) }
`);

const ShippingOptionsDocument = graphql(`
  query ShippingOptions { commerceShippingOptions(first: 100) { items { id name currencyCode amount active } } }
`);
const CreateShippingOptionDocument = graphql(`
  mutation CreateShippingOption($input: CommerceShippingOptionInput!) {
    createCommerceShippingOption(input: $input) { id name currencyCode amount active }
  }
`);
const UpdateShippingOptionDocument = graphql(`
  mutation UpdateShippingOption($id: ID!, $input: CommerceShippingOptionInput!) {
    updateCommerceShippingOption(id: $id, input: $input) { id name currencyCode amount active }
  }
`);
const DeleteShippingOptionDocument = graphql(`
  mutation DeleteShippingOption($id: ID!) { deleteCommerceShippingOption(id: $id) }
`);

const DiscountsDocument = graphql(`
  query Discounts {
    commerceDiscounts(first: 100) { items { id code kind value currencyCode usageLimit usageCount startsAt endsAt active } }
  }
`);
const CreateDiscountDocument = graphql(`
  mutation CreateDiscount($input: CommerceDiscountInput!) {
    createCommerceDiscount(input: $input) { id code kind value currencyCode usageLimit usageCount startsAt endsAt active }
  }
`);
const DeleteDiscountDocument = graphql(`
  mutation DeleteDiscount($id: ID!) { deleteCommerceDiscount(id: $id) }
`);

type Loose<T> = { readonly [K in keyof T]?: (K extends 'kind' ? string : T[K]) | null };

const toTaxRate = (r: Loose<TaxRate> | null | undefined): TaxRate => ({
  id: r?.id ?? '',
  countryCode: r?.countryCode ?? '',
  name: r?.name ?? '',
  rateBp: r?.rateBp ?? 0,
});

const toShippingOption = (o: Loose<ShippingOption> | null | undefined): ShippingOption => ({
  id: o?.id ?? '',
  name: o?.name ?? '',
  currencyCode: o?.currencyCode ?? '',
  amount: o?.amount ?? 0,
  active: o?.active ?? false,
});

const toDiscount = (d: Loose<Discount> | null | undefined): Discount => ({
  id: d?.id ?? '',
  code: d?.code ?? '',
  kind: d?.kind === 'fixed' ? 'fixed' : 'percentage',
  value: d?.value ?? 0,
  currencyCode: d?.currencyCode ?? null,
  usageLimit: d?.usageLimit ?? null,
  usageCount: d?.usageCount ?? 0,
  startsAt: d?.startsAt ?? null,
  endsAt: d?.endsAt ?? null,
  active: d?.active ?? false,
});

const listOf = async (resource: ShopResource): Promise<ShopItems[ShopResource][]> => {
  if (resource === 'tax-rates') return ((await gql(TaxRatesDocument)).commerceTaxRates?.items ?? []).map(toTaxRate);
  if (resource === 'shipping-options')
    return ((await gql(ShippingOptionsDocument)).commerceShippingOptions?.items ?? []).map(toShippingOption);
  return ((await gql(DiscountsDocument)).commerceDiscounts?.items ?? []).map(toDiscount);
};

/** The first 100 of a resource, newest first (a shop has a handful of each). */
export const shopListQuery = <R extends ShopResource>(resource: R) =>
  queryOptions({
    queryKey: ['commerce', 'shop-settings', resource],
    queryFn: async () => ({ items: (await listOf(resource)) as ShopItems[R][] }),
  });

const createOf = async (resource: ShopResource, input: object): Promise<ShopItems[ShopResource]> => {
  if (resource === 'tax-rates') return toTaxRate((await gql(CreateTaxRateDocument, { input })).createCommerceTaxRate);
  if (resource === 'shipping-options')
    return toShippingOption((await gql(CreateShippingOptionDocument, { input })).createCommerceShippingOption);
  return toDiscount((await gql(CreateDiscountDocument, { input })).createCommerceDiscount);
};

const updateOf = async (resource: ShopResource, id: string, input: object): Promise<ShopItems[ShopResource]> => {
  if (resource === 'tax-rates') return toTaxRate((await gql(UpdateTaxRateDocument, { id, input })).updateCommerceTaxRate);
  if (resource === 'shipping-options')
    return toShippingOption((await gql(UpdateShippingOptionDocument, { id, input })).updateCommerceShippingOption);
  // REST: GraphQL's updateCommerceDiscount drops null fields, so a cleared usage limit or window end would be kept.
  return toDiscount(await api<Discount>(`/commerce/discounts/${id}`, { method: 'PATCH', body: input }));
};

/** Creates one or, with an id, changes it; the body holds the fields of the resource's form. */
export const saveShopItem = async <R extends ShopResource>({ resource, id, body }: { resource: R; id?: string; body: object }) =>
  (await (id ? updateOf(resource, id, body) : createOf(resource, body))) as ShopItems[R];

export const deleteShopItem = async ({ resource, id }: { resource: ShopResource; id: string }): Promise<void> => {
  if (resource === 'tax-rates') await gql(DeleteTaxRateDocument, { id });
  else if (resource === 'shipping-options') await gql(DeleteShippingOptionDocument, { id });
  else await gql(DeleteDiscountDocument, { id });
};
