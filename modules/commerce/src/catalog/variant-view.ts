import type { SqlRunner } from '@rustok/kernel';
import { toMinor } from '../money.js';
import type { PriceView, VariantView } from '../schemas/catalog-views.js';

interface VariantRow {
  id: string;
  product_id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  options: Record<string, string>;
  manage_inventory: boolean;
  allow_backorder: boolean;
  weight: number | null;
  length: number | null;
  height: number | null;
  width: number | null;
  position: number;
  metadata: Record<string, unknown>;
  available: number | null;
  inventory_version: unknown;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export const iso = (v: Date | string): string => new Date(v).toISOString();

const group = <T extends Record<string, unknown>>(rows: readonly T[], key: keyof T): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(String(r[key]), [...(out.get(String(r[key])) ?? []), r]);
  return out;
};

const loadPrices = async (tx: SqlRunner, variantIds: readonly string[]): Promise<Map<string, PriceView[]>> => {
  const { rows } = await tx.query<{ id: string; variant_id: string; amount: unknown; currency_code: string; min_quantity: number }>(
    `SELECT id, variant_id, amount, currency_code, min_quantity FROM commerce_prices
      WHERE variant_id = ANY($1::uuid[]) AND price_list_id IS NULL ORDER BY currency_code, min_quantity`,
    [variantIds],
  );
  const out = new Map<string, PriceView[]>();
  for (const [variantId, list] of group(rows, 'variant_id')) {
    out.set(
      variantId,
      list.map((r) => ({ id: r.id, amount: toMinor(r.amount), currencyCode: r.currency_code, minQuantity: r.min_quantity })),
    );
  }
  return out;
};

const loadTitles = async (tx: SqlRunner, variantIds: readonly string[]) => {
  const { rows } = await tx.query<{ variant_id: string; locale: string; title: string }>(
    'SELECT variant_id, locale, title FROM commerce_variant_translations WHERE variant_id = ANY($1::uuid[]) ORDER BY locale',
    [variantIds],
  );
  return group(rows, 'variant_id');
};

const toView = (
  r: VariantRow,
  prices: PriceView[],
  titles: { locale: string; title: string }[],
  locales: readonly string[],
): VariantView => {
  const translations = Object.fromEntries(titles.map((t) => [t.locale, { title: t.title }]));
  return {
    id: r.id,
    productId: r.product_id,
    title: locales.map((l) => translations[l]?.title).find((t) => t !== undefined) ?? r.title,
    sku: r.sku,
    barcode: r.barcode,
    options: r.options,
    manageInventory: r.manage_inventory,
    allowBackorder: r.allow_backorder,
    weight: r.weight,
    length: r.length,
    height: r.height,
    width: r.width,
    position: r.position,
    metadata: r.metadata,
    available: r.available ?? 0,
    inventoryVersion: r.inventory_version === null ? 0 : toMinor(r.inventory_version),
    prices,
    translations,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
};

/**
 * The variants of the given products (or the given variants) with base prices, stock and
 * translations, grouped by product and ordered by position. Each variant's title is its translation
 * in the first of `locales` it has, else its base title.
 */
export const loadVariantViews = async (
  tx: SqlRunner,
  by: { productIds: readonly string[] } | { variantIds: readonly string[] },
  locales: readonly string[],
): Promise<Map<string, VariantView[]>> => {
  const [column, ids] = 'productIds' in by ? ['v.product_id', by.productIds] : ['v.id', by.variantIds];
  const out = new Map<string, VariantView[]>();
  if (ids.length === 0) return out;
  const { rows } = await tx.query<VariantRow>(
    `SELECT v.id, v.product_id, v.title, v.sku, v.barcode, v.options, v.manage_inventory, v.allow_backorder, v.weight, v.length,
            v.height, v.width, v.position, v.metadata, v.created_at, v.updated_at, i.available, i.version AS inventory_version
       FROM commerce_variants v LEFT JOIN commerce_inventory i ON i.variant_id = v.id
      WHERE ${column} = ANY($1::uuid[]) ORDER BY v.position, v.id`,
    [ids],
  );
  const variantIds = rows.map((r) => r.id);
  const [prices, titles] = [await loadPrices(tx, variantIds), await loadTitles(tx, variantIds)];
  for (const r of rows) {
    const view = toView(r, prices.get(r.id) ?? [], titles.get(r.id) ?? [], locales);
    out.set(r.product_id, [...(out.get(r.product_id) ?? []), view]);
  }
  return out;
};
