import { toMinor } from './money.js';
import { type PriceCandidate, resolvePrice } from './prices/resolve.js';

/** A variant's title in one locale (translations only; the base title is `title`). */
export interface ProductIndexVariantTitle {
  readonly locale: string;
  readonly title: string;
}

/** What a shopper would pay for one unit now, in one currency (see resolvedPrices). */
export interface ProductIndexVariantPrice {
  readonly currencyCode: string;
  readonly amount: number;
}

/** One variant of a product as read models show it: the stock is raw here, the read model decides what to show. */
export interface ProductIndexVariant {
  readonly id: string;
  readonly title: string;
  readonly titles: readonly ProductIndexVariantTitle[];
  readonly sku: string | null;
  readonly options: Readonly<Record<string, string>>;
  readonly prices: readonly ProductIndexVariantPrice[];
  readonly manageInventory: boolean;
  readonly allowBackorder: boolean;
  /** Stock on hand (0 without a stock row); meaningful only when the variant manages inventory. */
  readonly available: number;
  /** Can be bought now: does not manage inventory, allows backorders, or has stock. */
  readonly inStock: boolean;
}

/** A variant's price candidates as the source statement gives them (JSON). */
interface RawPrice {
  id: string;
  currencyCode: string;
  amount: unknown;
  priceListId: string | null;
  listKind: 'sale' | null;
  startsAt: string | null;
  endsAt: string | null;
}

export interface RawVariant {
  id: string;
  title: string;
  titles: ProductIndexVariantTitle[] | null;
  sku: string | null;
  options: Record<string, string> | null;
  manageInventory: boolean;
  allowBackorder: boolean;
  available: number | null;
  stockVersion: unknown;
  prices: RawPrice[] | null;
}

/**
 * The variants of each product, ordered as the catalog orders them (position, id), with the price
 * candidates an anonymous shopper can get for one unit: base prices and the tiers of active sale
 * lists with `minQuantity` 1 (override lists need an entitlement, so they never apply here).
 */
export const VARIANTS_SQL = `(SELECT json_agg(json_build_object(
    'id', v.id, 'title', v.title, 'sku', v.sku, 'options', v.options,
    'manageInventory', v.manage_inventory, 'allowBackorder', v.allow_backorder,
    'available', i.available, 'stockVersion', coalesce(i.version, 0),
    'titles', (SELECT json_agg(json_build_object('locale', vt.locale, 'title', vt.title) ORDER BY vt.locale)
                 FROM commerce_variant_translations vt WHERE vt.variant_id = v.id),
    'prices', (SELECT json_agg(json_build_object('id', pr.id, 'currencyCode', pr.currency_code, 'amount', pr.amount,
                                                 'priceListId', pr.price_list_id, 'listKind', l.kind,
                                                 'startsAt', l.starts_at, 'endsAt', l.ends_at))
                 FROM commerce_prices pr LEFT JOIN commerce_price_lists l ON l.id = pr.price_list_id
                WHERE pr.variant_id = v.id AND pr.min_quantity = 1 AND (pr.price_list_id IS NULL OR (l.active AND l.kind = 'sale')))
  ) ORDER BY v.position, v.id)
  FROM commerce_variants v LEFT JOIN commerce_inventory i ON i.variant_id = v.id
 WHERE v.product_id = p.id) AS variants`;

const candidateOf = (variantId: string, p: RawPrice): PriceCandidate => ({
  id: p.id,
  variantId,
  currencyCode: p.currencyCode,
  amount: toMinor(p.amount),
  minQuantity: 1,
  priceListId: p.priceListId,
  listKind: p.listKind,
  startsAt: p.startsAt === null ? null : new Date(p.startsAt),
  endsAt: p.endsAt === null ? null : new Date(p.endsAt),
});

/**
 * The price resolver's answer for one unit at `at` for an anonymous shopper, per currency the
 * variant has a price in: the lowest of the base price and every running sale list's price.
 */
const resolvedPrices = (variantId: string, raw: readonly RawPrice[], at: Date): ProductIndexVariantPrice[] => {
  const candidates = raw.map((p) => candidateOf(variantId, p));
  const currencies = [...new Set(candidates.map((c) => c.currencyCode))].sort();
  return currencies.flatMap((currencyCode) => {
    const best = resolvePrice(candidates, { currencyCode, quantity: 1, at });
    return best ? [{ currencyCode, amount: best.amount }] : [];
  });
};

export const toVariant = (r: RawVariant, at: Date): ProductIndexVariant => ({
  id: r.id,
  title: r.title,
  titles: r.titles ?? [],
  sku: r.sku,
  options: r.options ?? {},
  prices: resolvedPrices(r.id, r.prices ?? [], at),
  manageInventory: r.manageInventory,
  allowBackorder: r.allowBackorder,
  available: r.available ?? 0,
  inStock: !r.manageInventory || r.allowBackorder || (r.available ?? 0) > 0,
});

/** Per currency, the lowest and highest of the variants' prices (what a list shows as "from"). */
export const priceRanges = (variants: readonly ProductIndexVariant[]) => {
  const ranges = new Map<string, { currencyCode: string; min: number; max: number }>();
  for (const price of variants.flatMap((v) => v.prices)) {
    const r = ranges.get(price.currencyCode);
    if (!r) ranges.set(price.currencyCode, { currencyCode: price.currencyCode, min: price.amount, max: price.amount });
    else ranges.set(price.currencyCode, { ...r, min: Math.min(r.min, price.amount), max: Math.max(r.max, price.amount) });
  }
  return [...ranges.values()].sort((a, b) => a.currencyCode.localeCompare(b.currencyCode));
};

/** Stock of the product: the sum over variants that manage inventory, whether any can be bought, and the stock version. */
export const stockOf = (raw: readonly RawVariant[], variants: readonly ProductIndexVariant[]) => ({
  totalStock: variants.filter((v) => v.manageInventory).reduce((n, v) => n + Math.max(v.available, 0), 0),
  hasStock: variants.some((v) => v.inStock),
  stockVersion: raw.reduce((n, v) => n + toMinor(v.stockVersion), 0),
});
