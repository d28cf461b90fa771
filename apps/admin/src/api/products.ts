import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';

export type ProductStatus = 'draft' | 'published' | 'archived';

/** A base price of a variant (minor units; a tier applies from `minQuantity` up). */
export interface Price {
  readonly amount: number;
  readonly currencyCode: string;
  readonly minQuantity?: number;
}

/** A variant as the screens use it (GraphQL's nulls read as the REST answers give them). */
export interface Variant {
  readonly id: string;
  readonly title: string;
  readonly sku: string | null;
  readonly options?: Readonly<Record<string, string>>;
  readonly available?: number | null;
  readonly prices: readonly Price[];
}

/** A product as the catalog shows it. */
export interface Product {
  readonly id: string;
  readonly handle: string;
  readonly title: string;
  readonly status: ProductStatus;
  readonly updatedAt: string;
  readonly variants: readonly Variant[];
}

export interface ProductText {
  readonly title: string;
  readonly subtitle: string | null;
  readonly description: string | null;
}

/** One product with everything its edit screen shows (also what PATCH /commerce/products/{id} answers). */
export interface ProductDetail extends Product {
  readonly locale: string;
  readonly description: string | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly version: number;
  readonly translations: Readonly<Record<string, ProductText>>;
}

const ProductListDocument = graphql(`
  query ProductList($after: String) {
    commerceProducts(first: 100, after: $after) {
      items { id handle title status updatedAt variants { id title sku prices { amount currencyCode minQuantity } } }
      nextCursor
    }
  }
`);

const ProductSearchDocument = graphql(`
  query ProductSearch($q: String) {
    commerceProducts(first: 20, filter: { q: $q }) {
      items { id handle title status updatedAt variants { id title sku prices { amount currencyCode minQuantity } } }
    }
  }
`);

const ProductDocument = graphql(`
  query Product($id: ID!) {
    commerceProduct(id: $id) {
      id handle title status updatedAt locale description seoTitle seoDescription categories tags version
      translations { locale title subtitle description }
      variants { id title sku options available prices { amount currencyCode minQuantity } }
    }
  }
`);

const CreateProductDocument = graphql(`
  mutation CreateProduct($input: CreateCommerceProductInput!) {
    createCommerceProduct(input: $input) { id }
  }
`);

const PublishProductDocument = graphql(`
  mutation PublishProduct($id: ID!) {
    publishCommerceProduct(id: $id) { id status }
  }
`);

const ArchiveProductDocument = graphql(`
  mutation ArchiveProduct($id: ID!) {
    archiveCommerceProduct(id: $id) { id status }
  }
`);

type ProductData = NonNullable<ResultOf<typeof ProductDocument>['commerceProduct']>;
type VariantData = NonNullable<ProductData['variants']>[number];
type ListedData = NonNullable<NonNullable<ResultOf<typeof ProductListDocument>['commerceProducts']>['items']>[number];

const toVariant = (v: Partial<VariantData>): Variant => ({
  id: v.id ?? '',
  title: v.title ?? '',
  sku: v.sku ?? null,
  options: (v.options ?? {}) as Record<string, string>,
  available: v.available ?? null,
  prices: (v.prices ?? []).map((p) => ({ amount: p.amount ?? 0, currencyCode: p.currencyCode ?? '', minQuantity: p.minQuantity ?? 1 })),
});

const toProduct = (p: ListedData): Product => ({
  id: p.id ?? '',
  handle: p.handle ?? '',
  title: p.title ?? '',
  status: (p.status ?? 'draft') as ProductStatus,
  updatedAt: p.updatedAt ?? '',
  variants: (p.variants ?? []).map(toVariant),
});

const toTranslations = (list: ProductData['translations']): Record<string, ProductText> =>
  Object.fromEntries((list ?? []).map((t) => [t.locale ?? '', { title: t.title ?? '', subtitle: t.subtitle, description: t.description }]));

const toProductDetail = (p: ProductData): ProductDetail => ({
  ...toProduct(p),
  locale: p.locale ?? '',
  description: p.description,
  seoTitle: p.seoTitle,
  seoDescription: p.seoDescription,
  categories: p.categories ?? [],
  tags: p.tags ?? [],
  version: p.version ?? 0,
  translations: toTranslations(p.translations),
});

const itemsOf = (connection: { items?: readonly ListedData[] | null } | null | undefined): Product[] =>
  (connection?.items ?? []).map(toProduct);

/** Pages of 100, newest first, loaded as the list scrolls (the same keyset cursor as REST: `after` is `nextCursor`). */
export const productsQuery = infiniteQueryOptions({
  queryKey: ['commerce', 'products'],
  queryFn: async ({ pageParam }) => {
    const { commerceProducts } = await gql(ProductListDocument, { after: pageParam || null });
    return { items: itemsOf(commerceProducts), nextCursor: commerceProducts?.nextCursor ?? null };
  },
  initialPageParam: '',
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/** Up to 20 products whose texts match `q` (for pickers). */
export const productSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['commerce', 'products', 'search', q],
    queryFn: async () => ({ items: itemsOf((await gql(ProductSearchDocument, { q: q || null })).commerceProducts) }),
  });

export const getProduct = async (id: string): Promise<ProductDetail> => {
  const { commerceProduct } = await gql(ProductDocument, { id });
  if (!commerceProduct) throw new Error('product not answered');
  return toProductDetail(commerceProduct);
};

export const productQuery = (id: string) => queryOptions({ queryKey: ['commerce', 'product', id], queryFn: () => getProduct(id) });

/** What a new product is created with (its variants with prices and stock). */
export type NewProduct = VariablesOf<typeof CreateProductDocument>['input'];

export const createProduct = async (input: NewProduct) => (await gql(CreateProductDocument, { input })).createCommerceProduct;

/** What PATCH /commerce/products/{id} takes (a translation set to null is removed). */
export interface ProductChange {
  readonly title?: string;
  readonly handle?: string;
  readonly description?: string | null;
  readonly seoTitle?: string | null;
  readonly seoDescription?: string | null;
  readonly categories?: readonly string[];
  readonly tags?: readonly string[];
  readonly translations?: Readonly<Record<string, ProductText | null>>;
}

// REST: GraphQL's updateCommerceProduct drops null fields, so a cleared description or SEO text would be kept.
export const updateProduct = ({ id, ...change }: ProductChange & { id: string }) =>
  api<ProductDetail>(`/commerce/products/${id}`, { method: 'PATCH', body: change });

export const publishProduct = async (id: string) => (await gql(PublishProductDocument, { id })).publishCommerceProduct;

export const archiveProduct = async (id: string) => (await gql(ArchiveProductDocument, { id })).archiveCommerceProduct;

/** The lowest price per currency over the variants, as "12.00 USD". */
export const priceFrom = (product: Product): string => {
  const lowest = new Map<string, number>();
  for (const v of product.variants)
    for (const p of v.prices) lowest.set(p.currencyCode, Math.min(lowest.get(p.currencyCode) ?? p.amount, p.amount));
  return [...lowest].map(([currency, amount]) => `${(amount / 100).toFixed(2)} ${currency}`).join(', ') || '—';
};
