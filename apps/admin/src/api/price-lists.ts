import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';

export type PriceListKind = 'sale' | 'override';
export const PRICE_LIST_KINDS: readonly PriceListKind[] = ['sale', 'override'];

/** What create and change take (the window's ends as ISO timestamps or null). */
export interface PriceListFields {
  readonly name: string;
  readonly kind: PriceListKind;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly active: boolean;
}

const PriceListsDocument = graphql(`
  query PriceLists {
    commercePriceLists(first: 100) {
      items { id name kind startsAt endsAt active updatedAt prices { variantId productId amount currencyCode minQuantity } }
    }
  }
`);

const PriceListDocument = graphql(`
  query PriceList($id: ID!) {
    commercePriceList(id: $id) {
      id name kind startsAt endsAt active updatedAt prices { variantId productId amount currencyCode minQuantity }
    }
  }
`);

const CreatePriceListDocument = graphql(`
  mutation CreatePriceList($input: CreateCommercePriceListInput!) {
    createCommercePriceList(input: $input) {
      id name kind startsAt endsAt active updatedAt prices { variantId productId amount currencyCode minQuantity }
    }
  }
`);

const SetPriceListPricesDocument = graphql(`
  mutation SetPriceListPrices($id: ID!, $prices: [CommerceListPriceInput!]!) {
    setCommercePriceListPrices(id: $id, prices: $prices) {
      id name kind startsAt endsAt active updatedAt prices { variantId productId amount currencyCode minQuantity }
    }
  }
`);

type PriceListData = NonNullable<ResultOf<typeof PriceListDocument>['commercePriceList']>;

/** A price of a price list: a variant's amount in a currency from a quantity up. */
export interface ListPrice {
  readonly variantId: string;
  readonly productId?: string | null;
  readonly amount: number;
  readonly currencyCode: string;
  readonly minQuantity: number;
}

const toListPrice = (p: NonNullable<PriceListData['prices']>[number]): ListPrice => ({
  variantId: p.variantId ?? '',
  productId: p.productId,
  amount: p.amount ?? 0,
  currencyCode: p.currencyCode ?? '',
  minQuantity: p.minQuantity ?? 1,
});

const toPriceList = (l: PriceListData | null | undefined) => {
  if (!l?.id) throw new Error('price list not answered');
  return {
    id: l.id,
    name: l.name ?? '',
    kind: (l.kind ?? 'sale') as PriceListKind,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    active: l.active ?? false,
    updatedAt: l.updatedAt ?? '',
    prices: (l.prices ?? []).map(toListPrice),
  };
};

/** A price list with its prices (GraphQL's nulls read as the screens expect). */
export type PriceList = ReturnType<typeof toPriceList>;

export const priceListsQuery = queryOptions({
  queryKey: ['commerce', 'price-lists'],
  queryFn: async () => ({ items: ((await gql(PriceListsDocument)).commercePriceLists?.items ?? []).map(toPriceList) }),
});

export const priceListQuery = (id: string) =>
  queryOptions({
    queryKey: ['commerce', 'price-list', id],
    queryFn: async () => toPriceList((await gql(PriceListDocument, { id })).commercePriceList),
  });

export const createPriceList = async (input: PriceListFields): Promise<PriceList> =>
  toPriceList((await gql(CreatePriceListDocument, { input })).createCommercePriceList);

// REST: GraphQL's updateCommercePriceList drops null fields, so a cleared start or end would be kept.
export const updatePriceList = async ({ id, ...fields }: PriceListFields & { id: string }): Promise<PriceList> =>
  toPriceList(await api<PriceListData>(`/commerce/price-lists/${id}`, { method: 'PATCH', body: fields }));

/** Replaces every price of the list. */
export const setPriceListPrices = async ({ id, prices }: { id: string; prices: readonly ListPrice[] }): Promise<PriceList> => {
  const input = prices.map(({ variantId, amount, currencyCode, minQuantity }) => ({ variantId, amount, currencyCode, minQuantity }));
  return toPriceList((await gql(SetPriceListPricesDocument, { id, prices: input })).setCommercePriceListPrices);
};
