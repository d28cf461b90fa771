import { parseInput } from '@rustok/kernel';

import { checkPrices } from '../../catalog/price-store.js';

import { loadProduct, touchProduct } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { assertLocales, fieldErrors } from '../../catalog/validate.js';

import { assertSkusFree, insertVariant } from '../../catalog/variant-store.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { CreateVariantInput } from '../../schemas/catalog.js';

import type { VariantView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings } from '../../settings.js';

import { PERM } from './access.js';

import { assertRoomForVariant, readVariant } from './variant-common.js';

/** POST /commerce/products/{id}/variants: a variant with its prices, stock and translations. */
export const addVariant = (ctx: CommerceContext, productId: string, raw: CreateVariantInput): Promise<VariantView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.write);
    const input = parseInput(CreateVariantInput, raw);
    if ((input.prices ?? []).length > 0) requirePermission(w.actor, PERM.prices);
    if (input.inventory !== undefined) requirePermission(w.actor, PERM.inventory);
    const errors = fieldErrors();
    checkPrices(input.prices ?? [], '/prices', errors);
    errors.throwIfAny();
    const settings = await loadCommerceSettings(w.tx);
    assertLocales(settings, Object.keys(input.translations ?? {}), '/translations');
    await loadProduct(w, productId, true);
    const position = await assertRoomForVariant(w, productId);
    if (input.sku) await assertSkusFree(w, [{ sku: input.sku, path: '/sku' }]);
    const id = await insertVariant(w, productId, input, position);
    await touchProduct(w, productId, undefined, ['variants']);
    return readVariant(w.tx, id, settings);
  });
