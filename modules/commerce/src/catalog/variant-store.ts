import { generateId } from '@rustok/kernel';
import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT, type VariantEventPayload } from '../events.js';
import type { CreateVariantInput, UpdateVariantInput, VariantTranslationInput } from '../schemas/catalog.js';
import { skuTaken, variantNotFound } from './errors.js';
import { setAvailable } from './inventory-store.js';
import { replaceBasePrices } from './price-store.js';

export interface VariantHead {
  id: string;
  product_id: string;
  sku: string | null;
  [key: string]: unknown;
}

/** A variant's id, product and SKU, locked when asked; 404 COMMERCE_VARIANT_NOT_FOUND when absent. */
export const loadVariantHead = async (w: CommerceTx, id: string, forUpdate = false): Promise<VariantHead> => {
  const { rows } = await w.tx.query<VariantHead>(
    `SELECT id, product_id, sku FROM commerce_variants WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw variantNotFound(id);
  return row;
};

/** 409 COMMERCE_SKU_TAKEN when another variant of the tenant has one of these SKUs. */
export const assertSkusFree = async (
  w: CommerceTx,
  skus: readonly { sku: string; path: string }[],
  exceptVariantId: string | null = null,
): Promise<void> => {
  if (skus.length === 0) return;
  const { rows } = await w.tx.query<{ sku: string }>(
    'SELECT sku FROM commerce_variants WHERE sku = ANY($1::text[]) AND ($2::uuid IS NULL OR id <> $2::uuid)',
    [skus.map((s) => s.sku), exceptVariantId],
  );
  const taken = skus.find((s) => rows.some((r) => r.sku === s.sku));
  if (taken) throw skuTaken(taken.sku, taken.path);
};

/** Column ← value of every variant field present in the input (explicit nulls included). */
export const variantColumns = (input: UpdateVariantInput): Record<string, unknown> => {
  const cols: Record<string, unknown> = {
    title: input.title,
    sku: input.sku,
    barcode: input.barcode,
    options: input.options === undefined ? undefined : JSON.stringify(input.options),
    manage_inventory: input.manageInventory,
    allow_backorder: input.allowBackorder,
    weight: input.weight,
    length: input.length,
    height: input.height,
    width: input.width,
    position: input.position,
    metadata: input.metadata === undefined ? undefined : JSON.stringify(input.metadata),
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
};

export const updateVariantColumns = async (w: CommerceTx, id: string, cols: Record<string, unknown>): Promise<void> => {
  const names = Object.keys(cols);
  if (names.length === 0) return;
  await w.tx.query(`UPDATE commerce_variants SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
    id,
    ...Object.values(cols),
  ]);
};

/** Creates, replaces or (null) removes translations of a variant. */
export const writeVariantTranslations = async (
  w: CommerceTx,
  variantId: string,
  translations: Readonly<Record<string, VariantTranslationInput | null>>,
): Promise<void> => {
  for (const [locale, t] of Object.entries(translations)) {
    if (t === null) {
      await w.tx.query('DELETE FROM commerce_variant_translations WHERE variant_id = $1 AND locale = $2', [variantId, locale]);
      continue;
    }
    await w.tx.query(
      `INSERT INTO commerce_variant_translations (variant_id, locale, title) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, variant_id, locale) DO UPDATE SET title = $3`,
      [variantId, locale, t.title],
    );
  }
};

export const variantEvent = (id: string, productId: string, sku: string | null): VariantEventPayload => ({
  variantId: id,
  productId,
  sku,
});

/**
 * Inserts a variant with its translations, base prices and stock row, publishing variant.created,
 * price.updated (when priced) and inventory.adjusted (when stock was given). The caller has checked
 * the input and bumps the product.
 */
export const insertVariant = async (w: CommerceTx, productId: string, input: CreateVariantInput, position: number): Promise<string> => {
  const id = generateId();
  const cols = { ...variantColumns(input), position: input.position ?? position };
  const names = Object.keys(cols);
  await w.tx.query(
    `INSERT INTO commerce_variants (id, product_id, ${names.join(', ')}) VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')})`,
    [id, productId, ...Object.values(cols)],
  );
  await w.tx.query('INSERT INTO commerce_inventory (variant_id, available) VALUES ($1, 0)', [id]);
  if (input.translations) await writeVariantTranslations(w, id, input.translations);
  await w.publish(COMMERCE_EVENT.variantCreated, variantEvent(id, productId, input.sku ?? null));
  if (input.prices && input.prices.length > 0) await replaceBasePrices(w, { id, productId }, input.prices);
  if (input.inventory !== undefined) await setAvailable(w, { id, productId }, input.inventory);
  return id;
};
