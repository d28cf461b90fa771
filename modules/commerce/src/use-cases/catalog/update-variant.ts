import { parseInput } from '@rustok/kernel';

import { loadProduct, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { assertLocales } from '../../catalog/validate.js';

import {
  assertSkusFree,
  updateVariantColumns,
  variantColumns,
  variantEvent,
  writeVariantTranslations,
} from '../../catalog/variant-store.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import { UpdateVariantInput } from '../../schemas/catalog.js';

import type { VariantView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings } from '../../settings.js';

import { PERM } from './access.js';

import { loadProductVariant, readVariant } from './variant-common.js';

/** PATCH /commerce/products/{id}/variants/{variantId}: fields and translations (null removes one). */
export const updateVariant = (ctx: CommerceContext, productId: string, variantId: string, raw: UpdateVariantInput): Promise<VariantView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.write);
    const input = parseInput(UpdateVariantInput, raw);
    const settings = await loadCommerceSettings(w.tx);
    assertLocales(settings, Object.keys(input.translations ?? {}), '/translations');
    await loadProduct(w, productId, true);
    const head = await loadProductVariant(w, productId, variantId);
    if (input.sku && input.sku !== head.sku) await assertSkusFree(w, [{ sku: input.sku, path: '/sku' }], variantId);
    const cols = variantColumns(input);
    await updateVariantColumns(w, variantId, cols);
    if (input.translations) await writeVariantTranslations(w, variantId, input.translations);
    if (Object.keys(cols).length > 0 || Object.keys(input.translations ?? {}).length > 0) {
      const sku = input.sku === undefined ? head.sku : input.sku;
      await w.publish(COMMERCE_EVENT.variantUpdated, variantEvent(variantId, productId, sku));
      await touchProduct(w, productId, undefined, ['variants']);
    }
    return readVariant(w.tx, variantId, settings);
  });
