import { kernelErrors, type SqlRunner } from '@rustok/kernel';
import { priceListNotFound } from '../catalog/errors.js';
import { priceEvent } from '../catalog/price-store.js';
import { touchProduct } from '../catalog/product-store.js';
import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT } from '../events.js';
import { toMinor } from '../money.js';
import type { ListPriceView, PriceListView } from '../schemas/catalog-views.js';
import { iso } from '../time.js';

export interface PriceListRow {
  id: string;
  name: string;
  kind: 'sale' | 'override';
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export const PRICE_LIST_COLUMNS = 'id, name, kind, starts_at, ends_at, active, created_at, updated_at';

export const loadPriceList = async (w: CommerceTx, id: string, forUpdate = false): Promise<PriceListRow> => {
  const { rows } = await w.tx.query<PriceListRow>(
    `SELECT ${PRICE_LIST_COLUMNS} FROM commerce_price_lists WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw priceListNotFound(id);
  return row;
};

/** 422 unless a window that has both ends ends after it starts. */
export const assertWindow = (startsAt: Date | string | null, endsAt: Date | string | null): void => {
  if (startsAt === null || endsAt === null || new Date(endsAt).getTime() > new Date(startsAt).getTime()) return;
  throw kernelErrors.VALIDATION_FAILED('A price list must end after it starts', {
    errors: [{ path: '/endsAt', message: 'must be later than startsAt' }],
  });
};

interface ListPriceRow {
  id: string;
  price_list_id: string;
  variant_id: string;
  product_id: string;
  amount: unknown;
  currency_code: string;
  min_quantity: number;
  [key: string]: unknown;
}

/** The prices of the given lists, with each variant's product, grouped by list. */
export const loadListPrices = async (tx: SqlRunner, listIds: readonly string[]): Promise<Map<string, ListPriceView[]>> => {
  const out = new Map<string, ListPriceView[]>();
  if (listIds.length === 0) return out;
  const { rows } = await tx.query<ListPriceRow>(
    `SELECT p.id, p.price_list_id, p.variant_id, v.product_id, p.amount, p.currency_code, p.min_quantity
       FROM commerce_prices p JOIN commerce_variants v ON v.id = p.variant_id
      WHERE p.price_list_id = ANY($1::uuid[]) ORDER BY p.variant_id, p.currency_code, p.min_quantity`,
    [listIds],
  );
  for (const r of rows) {
    const view = {
      id: r.id,
      variantId: r.variant_id,
      productId: r.product_id,
      amount: toMinor(r.amount),
      currencyCode: r.currency_code,
      minQuantity: r.min_quantity,
    };
    out.set(r.price_list_id, [...(out.get(r.price_list_id) ?? []), view]);
  }
  return out;
};

export const toPriceListView = (r: PriceListRow, prices: ListPriceView[]): PriceListView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  startsAt: r.starts_at === null ? null : iso(r.starts_at),
  endsAt: r.ends_at === null ? null : iso(r.ends_at),
  active: r.active,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  prices,
});

export interface PricedVariant {
  readonly variantId: string;
  readonly productId: string;
  readonly currencyCode: string;
}

/** Every variant (and currency) a list prices now. */
export const pricedVariantsOf = async (w: CommerceTx, listId: string): Promise<PricedVariant[]> => {
  const { rows } = await w.tx.query<{ variant_id: string; product_id: string; currency_code: string }>(
    `SELECT DISTINCT p.variant_id, v.product_id, p.currency_code
       FROM commerce_prices p JOIN commerce_variants v ON v.id = p.variant_id WHERE p.price_list_id = $1`,
    [listId],
  );
  return rows.map((r) => ({ variantId: r.variant_id, productId: r.product_id, currencyCode: r.currency_code }));
};

/**
 * Announces changed prices: commerce.price.updated per variant (with its currencies) and, per
 * product, a version bump with commerce.product.updated. Products are touched in id order, so two
 * writers lock them in the same order.
 */
export const announcePriceChanges = async (w: CommerceTx, changed: readonly PricedVariant[]): Promise<void> => {
  const byVariant = new Map<string, { productId: string; currencies: Set<string> }>();
  for (const c of changed) {
    const entry = byVariant.get(c.variantId) ?? { productId: c.productId, currencies: new Set<string>() };
    entry.currencies.add(c.currencyCode);
    byVariant.set(c.variantId, entry);
  }
  const products = [...new Set(changed.map((c) => c.productId))].sort();
  for (const productId of products) await touchProduct(w, productId, undefined, ['prices']);
  for (const [variantId, { productId, currencies }] of [...byVariant].sort(([a], [b]) => a.localeCompare(b))) {
    await w.publish(COMMERCE_EVENT.priceUpdated, priceEvent(productId, variantId, currencies));
  }
};
