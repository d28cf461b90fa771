import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export type ProductStatus = 'draft' | 'published' | 'archived';

/** A base price of a variant (minor units; a tier applies from `minQuantity` up). */
export interface Price {
  readonly amount: number;
  readonly currencyCode: string;
  readonly minQuantity?: number;
}

/** A variant as GET /commerce/products answers it (fields the admin uses). */
export interface Variant {
  readonly id: string;
  readonly title: string;
  readonly sku: string | null;
  readonly options?: Readonly<Record<string, string>>;
  readonly available?: number | null;
  readonly prices: readonly Price[];
}

/** A product as the catalog shows it (GET /commerce/products; fields the admin uses). */
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

/** One product with everything its edit screen shows (GET /commerce/products/{id}). */
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

interface Page {
  readonly items: Product[];
  readonly nextCursor: string | null;
}

/** Pages of 100, newest first, loaded as the list scrolls. */
export const productsQuery = infiniteQueryOptions({
  queryKey: ['commerce', 'products'],
  queryFn: ({ pageParam }) => api<Page>(`/commerce/products?limit=100${pageParam ? `&cursor=${pageParam}` : ''}`),
  initialPageParam: '',
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/** Up to 20 products whose texts match `q` (for pickers). */
export const productSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['commerce', 'products', 'search', q],
    queryFn: () => api<Page>(`/commerce/products?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

export const getProduct = (id: string) => api<ProductDetail>(`/commerce/products/${id}`);

export const productQuery = (id: string) => queryOptions({ queryKey: ['commerce', 'product', id], queryFn: () => getProduct(id) });

export interface NewProduct {
  readonly title: string;
  readonly handle?: string;
  readonly description?: string;
  readonly variants: readonly {
    readonly title: string;
    readonly sku?: string;
    readonly prices: readonly Price[];
    readonly inventory?: number;
  }[];
}

export const createProduct = (input: NewProduct) => api<Product>('/commerce/products', { method: 'POST', body: input });

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

export const updateProduct = ({ id, ...change }: ProductChange & { id: string }) =>
  api<ProductDetail>(`/commerce/products/${id}`, { method: 'PATCH', body: change });

export const publishProduct = (id: string) => api<ProductDetail>(`/commerce/products/${id}/publish`, { method: 'POST' });

export const archiveProduct = (id: string) => api<ProductDetail>(`/commerce/products/${id}/archive`, { method: 'POST' });

/** The lowest price per currency over the variants, as "12.00 USD". */
export const priceFrom = (product: Product): string => {
  const lowest = new Map<string, number>();
  for (const v of product.variants)
    for (const p of v.prices) lowest.set(p.currencyCode, Math.min(lowest.get(p.currencyCode) ?? p.amount, p.amount));
  return [...lowest].map(([currency, amount]) => `${(amount / 100).toFixed(2)} ${currency}`).join(', ') || '—';
};
