import { parseInput } from '@rustok/kernel';

import { handleFromTitle, uniqueHandle } from '../../catalog/handle.js';

import { checkPrices } from '../../catalog/price-store.js';

import { resolveProductImages } from '../../catalog/product-images.js';
import { readProduct } from '../../catalog/product-read.js';

import { insertProduct, touchProduct, writeProductTranslations } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { assertLocales, fieldErrors } from '../../catalog/validate.js';

import { assertSkusFree, insertVariant } from '../../catalog/variant-store.js';

import type { CommerceContext, CommerceTx } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import { CreateProductInput, type CreateVariantInput } from '../../schemas/catalog.js';

import type { ProductView } from '../../schemas/catalog-views.js';

import { type CommerceSettings, loadCommerceSettings } from '../../settings.js';

import { checkProductWrite } from '../../write-checks.js';

import { PERM } from './access.js';

const skusOf = (variants: readonly CreateVariantInput[], path = '/variants') =>
  variants.flatMap((v, i) => (v.sku ? [{ sku: v.sku, path: `${path}/${i}/sku` }] : []));

/** Everything wrong with the input that the schema cannot see: prices, repeated SKUs, locales. */
const checkInput = (input: CreateProductInput, settings: CommerceSettings): void => {
  const errors = fieldErrors();
  const variants = input.variants ?? [];
  for (const [i, v] of variants.entries()) checkPrices(v.prices ?? [], `/variants/${i}/prices`, errors);
  const seen = new Set<string>();
  for (const { sku, path } of skusOf(variants)) {
    if (seen.has(sku)) errors.add(path, 'repeats the SKU of another variant of this request');
    seen.add(sku);
  }
  errors.throwIfAny();
  assertLocales(settings, Object.keys(input.translations ?? {}), '/translations');
  for (const [i, v] of variants.entries()) assertLocales(settings, Object.keys(v.translations ?? {}), `/variants/${i}/translations`);
};

/**
 * Writes a product with its translations, variants, prices and stock inside the caller's
 * transaction (no permission check), publishing its events. Returns the new id.
 */
export const createProductInTx = async (w: CommerceTx, raw: CreateProductInput): Promise<string> => {
  const input = parseInput(CreateProductInput, raw);
  const settings = await loadCommerceSettings(w.tx);
  checkInput(input, settings);
  const handle = await uniqueHandle(w.tx, input.handle ?? handleFromTitle(input.title), input.handle !== undefined);
  await assertSkusFree(w, skusOf(input.variants ?? []));
  const images = await resolveProductImages(w.tx, input.images);
  const id = await insertProduct(w, { ...input, images }, handle);
  if (input.translations) await writeProductTranslations(w, id, input.translations);
  await touchProduct(w, id, COMMERCE_EVENT.productCreated, ['created'], false);
  for (const [i, variant] of (input.variants ?? []).entries()) await insertVariant(w, id, variant, i);
  if (input.status === 'published') await touchProduct(w, id, COMMERCE_EVENT.productPublished, ['status'], false);
  return id;
};

/**
 * POST /commerce/products: a product with its variants, prices, stock and translations in one
 * transaction. Publishing at once needs commerce.products.publish; initial prices need
 * commerce.prices.manage and initial stock commerce.inventory.manage. The product-write checks
 * (validate hooks) see the input first and may refuse it.
 */
export const createProduct = async (ctx: CommerceContext, raw: CreateProductInput): Promise<ProductView> => {
  requirePermission(ctx.actor, PERM.write);
  const input = parseInput(CreateProductInput, raw);
  if (input.status === 'published') requirePermission(ctx.actor, PERM.publish);
  if (input.variants?.some((v) => (v.prices ?? []).length > 0)) requirePermission(ctx.actor, PERM.prices);
  if (input.variants?.some((v) => v.inventory !== undefined)) requirePermission(ctx.actor, PERM.inventory);
  // Checks another module backs (scripting's validate hooks) run before the transaction: they may refuse the write.
  await checkProductWrite(ctx, 'commerce.product.create', null, input);
  return catalogTx(ctx, async (w) => {
    const id = await createProductInTx(w, input);
    return readProduct(w.tx, id, await loadCommerceSettings(w.tx));
  });
};
