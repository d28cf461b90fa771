import { scaledPrices } from './catalog-helpers.js';
import { getProduct } from './products.js';
import { setVariantPrices } from './variants.js';

/** Scales every base price of every variant of the product by `percent` (read fresh, then replaced variant by variant). */
export const changeProductPrices = async (productId: string, percent: number): Promise<void> => {
  const product = await getProduct(productId);
  for (const variant of product.variants)
    if (variant.prices.length > 0) await setVariantPrices({ variantId: variant.id, prices: scaledPrices(variant.prices, percent) });
};
