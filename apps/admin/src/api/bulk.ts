import { getProduct } from './products.js';
import { scaledPrices, setVariantPrices } from './variants.js';

/** What a bulk action did: how many items it was done for, and the errors of the rest. */
export interface BulkOutcome {
  readonly done: number;
  readonly failures: readonly Error[];
}

/** Runs one call per id, a few at a time; every id is tried, failures are collected rather than stopping the rest. */
export const forEach = async (ids: readonly string[], run: (id: string) => Promise<unknown>): Promise<BulkOutcome> => {
  const queue = [...ids];
  const failures: Error[] = [];
  let done = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      await run(id).then(
        () => done++,
        (e: unknown) => failures.push(e instanceof Error ? e : new Error(String(e))),
      );
  };
  await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
  return { done, failures };
};

/** Scales every base price of every variant of the product by `percent` (read fresh, then replaced variant by variant). */
export const changeProductPrices = async (productId: string, percent: number): Promise<void> => {
  const product = await getProduct(productId);
  for (const variant of product.variants)
    if (variant.prices.length > 0) await setVariantPrices({ variantId: variant.id, prices: scaledPrices(variant.prices, percent) });
};
