import type { SqlRunner } from '@rustok/kernel';
import type { VariantForSale } from '../../catalog/variant-read.js';
import { notFound } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { priceLines } from './price-lines.js';

/**
 * Checks that a variant can go into a cart in this quantity: it exists, its product is published,
 * it has a price in the cart's currency, and (as a courtesy, without reserving) the stock covers it.
 * The binding check is at checkout.
 */
export const assertSellable = async (tx: SqlRunner, variantId: string, quantity: number, currencyCode: string): Promise<VariantForSale> => {
  const [line] = await priceLines(tx, [{ id: variantId, variantId, quantity }], currencyCode, new Date());
  if (!line?.variant) throw notFound('variant', variantId);
  if (line.problem === 'PRODUCT_UNAVAILABLE') {
    throw commerceErrors.COMMERCE_PRODUCT_UNAVAILABLE(`The product of variant ${variantId} is not for sale (not published)`);
  }
  if (line.problem === 'PRICE_MISSING') throw commerceErrors.COMMERCE_PRICE_MISSING(`Variant ${variantId} has no price in ${currencyCode}`);
  const variant = line.variant;
  if (variant.manageInventory && !variant.allowBackorder) {
    const { rows } = await tx.query<{ available: number }>('SELECT available FROM commerce_inventory WHERE variant_id = $1', [variantId]);
    const available = rows[0]?.available ?? 0;
    if (available < quantity) {
      const lines = [{ variantId, sku: variant.sku, requested: quantity, available: Math.max(0, available) }];
      throw commerceErrors.COMMERCE_INSUFFICIENT_STOCK(`Only ${Math.max(0, available)} of variant ${variantId} in stock`, {
        meta: { lines },
      });
    }
  }
  return variant;
};

const MAX_LINE_QUANTITY = 10_000;

export const assertQuantity = (quantity: number): void => {
  if (quantity > MAX_LINE_QUANTITY) {
    throw commerceErrors.COMMERCE_QUANTITY_TOO_LARGE(`A cart line holds at most ${MAX_LINE_QUANTITY} units`);
  }
};
