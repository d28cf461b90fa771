import type { SqlRunner } from '@rustok/kernel';
import { variantNotFound } from '../../catalog/errors.js';
import { localeChain } from '../../catalog/product-read.js';
import { loadVariantHead, type VariantHead } from '../../catalog/variant-store.js';
import { loadVariantViews } from '../../catalog/variant-view.js';
import type { CommerceTx } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { MAX_VARIANTS } from '../../schemas/catalog.js';
import type { VariantView } from '../../schemas/catalog-views.js';
import type { CommerceSettings } from '../../settings.js';

/** One variant in full (prices, stock, translations). */
export const readVariant = async (tx: SqlRunner, id: string, settings: CommerceSettings): Promise<VariantView> => {
  const views = await loadVariantViews(tx, { variantIds: [id] }, localeChain(settings));
  const view = [...views.values()].flat()[0];
  if (!view) throw variantNotFound(id);
  return view;
};

/** The variant of that product, locked; 404 when it is missing or belongs to another product. */
export const loadProductVariant = async (w: CommerceTx, productId: string, variantId: string): Promise<VariantHead> => {
  const head = await loadVariantHead(w, variantId, true);
  if (head.product_id !== productId) throw variantNotFound(variantId);
  return head;
};

/** 422 COMMERCE_TOO_MANY_VARIANTS when a product already has the maximum number of variants. */
export const assertRoomForVariant = async (w: CommerceTx, productId: string): Promise<number> => {
  const { rows } = await w.tx.query<{ n: number; next: number }>(
    'SELECT count(*)::int AS n, coalesce(max(position) + 1, 0)::int AS next FROM commerce_variants WHERE product_id = $1',
    [productId],
  );
  const { n = 0, next = 0 } = rows[0] ?? {};
  if (n >= MAX_VARIANTS) {
    throw commerceErrors.COMMERCE_TOO_MANY_VARIANTS(`A product has at most ${MAX_VARIANTS} variants`, {
      errors: [{ path: '/variants', message: `has ${MAX_VARIANTS} variants already` }],
    });
  }
  return next;
};
