import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** A product as the catalog shows it (GET /commerce/products; fields the admin uses). */
export interface Product {
  readonly id: string;
  readonly handle: string;
  readonly title: string;
  readonly status: 'draft' | 'published' | 'archived';
  readonly updatedAt: string;
  readonly variants: readonly {
    readonly id: string;
    readonly title: string;
    readonly sku: string | null;
    readonly prices: readonly { readonly amount: number; readonly currencyCode: string }[];
  }[];
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

export interface NewProduct {
  readonly title: string;
  readonly handle?: string;
  readonly description?: string;
  readonly variants: readonly {
    readonly title: string;
    readonly sku?: string;
    readonly prices: readonly { readonly amount: number; readonly currencyCode: string }[];
    readonly inventory?: number;
  }[];
}

export const createProduct = (input: NewProduct) => api<Product>('/commerce/products', { method: 'POST', body: input });

export const publishProduct = (id: string) => api<Product>(`/commerce/products/${id}/publish`, { method: 'POST' });

export const archiveProduct = (id: string) => api<Product>(`/commerce/products/${id}/archive`, { method: 'POST' });

/** The lowest price per currency over the variants, as "12.00 USD". */
export const priceFrom = (product: Product): string => {
  const lowest = new Map<string, number>();
  for (const v of product.variants)
    for (const p of v.prices) lowest.set(p.currencyCode, Math.min(lowest.get(p.currencyCode) ?? p.amount, p.amount));
  return [...lowest].map(([currency, amount]) => `${(amount / 100).toFixed(2)} ${currency}`).join(', ') || '—';
};
