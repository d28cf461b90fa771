import { generateId } from '@rustok/kernel';
import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT, type PriceEventPayload } from '../events.js';
import type { PriceInput } from '../schemas/catalog.js';
import { type fieldErrors, isCurrency } from './validate.js';

type Errors = ReturnType<typeof fieldErrors>;

/**
 * Adds an error for every price with a currency that is not ISO 4217 and every repeated
 * currency + minimum quantity within one set (`key` groups a set: a variant, or a list's variant).
 */
export const checkPrices = (prices: readonly (PriceInput & { variantId?: string })[], path: string, errors: Errors): void => {
  const seen = new Set<string>();
  prices.forEach((p, i) => {
    if (!isCurrency(p.currencyCode)) errors.add(`${path}/${i}/currencyCode`, 'is not an ISO 4217 currency code');
    const key = `${p.variantId ?? ''}|${p.currencyCode}|${p.minQuantity ?? 1}`;
    if (seen.has(key)) errors.add(`${path}/${i}`, 'repeats a currency and minimum quantity of this set');
    seen.add(key);
  });
};

const currenciesOf = async (w: CommerceTx, variantId: string, listId: string | null): Promise<string[]> => {
  const { rows } = await w.tx.query<{ currency_code: string }>(
    `SELECT DISTINCT currency_code FROM commerce_prices
      WHERE variant_id = $1 AND price_list_id IS NOT DISTINCT FROM $2::uuid`,
    [variantId, listId],
  );
  return rows.map((r) => r.currency_code);
};

export const insertPrices = async (
  w: CommerceTx,
  listId: string | null,
  prices: readonly (PriceInput & { variantId: string })[],
): Promise<void> => {
  for (const p of prices) {
    await w.tx.query(
      `INSERT INTO commerce_prices (id, variant_id, price_list_id, currency_code, amount, min_quantity)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [generateId(), p.variantId, listId, p.currencyCode, p.amount, p.minQuantity ?? 1],
    );
  }
};

export const priceEvent = (productId: string, variantId: string, currencies: Iterable<string>): PriceEventPayload => ({
  productId,
  variantId,
  currencyCodes: [...new Set(currencies)].sort().slice(0, 200),
});

/**
 * Replaces a variant's base prices (those of no list) and publishes commerce.price.updated naming
 * every currency that was or is priced. The caller bumps the product.
 */
export const replaceBasePrices = async (
  w: CommerceTx,
  variant: { id: string; productId: string },
  prices: readonly PriceInput[],
): Promise<void> => {
  const before = await currenciesOf(w, variant.id, null);
  await w.tx.query('DELETE FROM commerce_prices WHERE variant_id = $1 AND price_list_id IS NULL', [variant.id]);
  await insertPrices(
    w,
    null,
    prices.map((p) => ({ ...p, variantId: variant.id })),
  );
  const currencies = [...before, ...prices.map((p) => p.currencyCode)];
  await w.publish(COMMERCE_EVENT.priceUpdated, priceEvent(variant.productId, variant.id, currencies));
};
