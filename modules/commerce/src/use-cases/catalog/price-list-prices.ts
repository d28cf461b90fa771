import { checkPrices, insertPrices } from '../../catalog/price-store.js';
import { fieldErrors } from '../../catalog/validate.js';
import type { CommerceTx } from '../../context.js';
import { announcePriceChanges, pricedVariantsOf } from '../../prices/lists.js';
import type { ListPriceInput } from '../../schemas/catalog.js';

/** 422 for bad currencies, repeated tiers and variants that do not exist (in this tenant). */
const checkListPrices = async (w: CommerceTx, prices: readonly ListPriceInput[]): Promise<Map<string, string>> => {
  const errors = fieldErrors();
  checkPrices(prices, '/prices', errors);
  const ids = [...new Set(prices.map((p) => p.variantId))];
  const { rows } = await w.tx.query<{ id: string; product_id: string }>(
    'SELECT id, product_id FROM commerce_variants WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const productOf = new Map(rows.map((r) => [r.id, r.product_id]));
  prices.forEach((p, i) => {
    if (!productOf.has(p.variantId)) errors.add(`/prices/${i}/variantId`, 'is not a variant of this shop');
  });
  errors.throwIfAny();
  return productOf;
};

/**
 * Replaces every price of a list and announces the change for each variant that was or is in
 * it. Run inside the list's transaction after the list row is written.
 */
export const replaceListPrices = async (w: CommerceTx, listId: string, prices: readonly ListPriceInput[]): Promise<void> => {
  const productOf = await checkListPrices(w, prices);
  const before = await pricedVariantsOf(w, listId);
  await w.tx.query('DELETE FROM commerce_prices WHERE price_list_id = $1', [listId]);
  await insertPrices(w, listId, prices);
  const after = prices.map((p) => ({ variantId: p.variantId, productId: productOf.get(p.variantId) ?? '', currencyCode: p.currencyCode }));
  await announcePriceChanges(w, [...before, ...after]);
};
