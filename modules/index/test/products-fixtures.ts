import type { TestPlatform } from '@rustok/testing';
import { expect } from 'vitest';
import type { StoreProductSummary } from '../src/schemas.js';
import { caller, ok, type Page, waitFor } from './helpers.js';

export interface CreatedProduct {
  id: string;
  handle: string;
  version: number;
  variants: { id: string }[];
}

let counter = 0;

/** A product body: one variant per price, stock on the first, optional texts and labels. */
export const productBody = (
  title: string,
  extra: { prices?: number[]; stock?: number; categories?: string[]; tags?: string[]; [k: string]: unknown } = {},
) => {
  const { prices = [1000], stock = 5, ...rest } = extra;
  return {
    title,
    ...rest,
    variants: prices.map((amount, i) => ({
      title: `V${i}`,
      sku: `IDX-${Date.now().toString(36)}-${(counter++).toString(36)}`.toUpperCase(),
      prices: [
        { amount, currencyCode: 'USD' },
        { amount: amount + 100, currencyCode: 'EUR' },
      ],
      inventory: i === 0 ? stock : 0,
    })),
  };
};

/** Commerce through its REST API, and the storefront over the index. */
export const catalog = (p: TestPlatform, tenantId: string, admin: Record<string, string>) => {
  const call = caller(p);
  const visitor = { 'x-tenant-id': tenantId };
  const store = (query: string) => ok<Page<StoreProductSummary>>(call('GET', `/store/products?${query}`, visitor));
  const api = {
    call,
    visitor,
    store,
    create: (body: Record<string, unknown>) => ok<CreatedProduct>(call('POST', '/commerce/products', admin, body), 201),
    publish: (id: string) => ok<CreatedProduct>(call('POST', `/commerce/products/${id}/publish`, admin)),
    archive: (id: string) => ok<CreatedProduct>(call('POST', `/commerce/products/${id}/archive`, admin)),
    patch: (id: string, body: Record<string, unknown>) => ok<CreatedProduct>(call('PATCH', `/commerce/products/${id}`, admin, body)),
    setStock: (variantId: string, available: number) => ok(call('PUT', `/commerce/inventory/${variantId}`, admin, { available })),
    /** Waits until the product is (or is not) in the list of `query`; returns the item and how long it took. */
    async until(query: string, id: string, present = true, timeoutMs = 2_000) {
      const r = await waitFor(
        async () => {
          const item = (await store(query)).items.find((i) => i.id === id);
          return present ? item : !item && { id };
        },
        timeoutMs,
        `${id} ${present ? 'in' : 'out of'} /store/products?${query}`,
      );
      expect(r.ms).toBeLessThan(timeoutMs);
      return r as { value: StoreProductSummary; ms: number };
    },
  };
  return {
    ...api,
    /** A new product of that title (productBody), published and in the storefront's list. */
    async published(title: string): Promise<CreatedProduct> {
      const product = await api.create(productBody(title));
      await api.publish(product.id);
      await api.until('', product.id);
      return product;
    },
  };
};
