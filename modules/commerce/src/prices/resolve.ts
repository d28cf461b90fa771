import type { Minor } from '../money.js';

/** A price row as the resolver sees it: base prices have no list; list rows carry the list's kind. */
export interface PriceCandidate {
  readonly id: string;
  readonly variantId: string;
  readonly currencyCode: string;
  readonly amount: Minor;
  readonly minQuantity: number;
  readonly priceListId: string | null;
  readonly listKind: 'sale' | 'override' | null;
  /** When the list applies; null bounds are open. Base prices always apply. */
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
}

export interface PriceQuery {
  readonly currencyCode: string;
  readonly quantity: number;
  readonly at: Date;
  /** Override lists the caller is entitled to (e.g. a wholesale customer's list). */
  readonly priceListIds?: readonly string[];
}

const inWindow = (c: PriceCandidate, at: Date): boolean =>
  (c.startsAt === null || c.startsAt.getTime() <= at.getTime()) && (c.endsAt === null || at.getTime() < c.endsAt.getTime());

/** The tier that applies: the largest `minQuantity` not above the quantity; the cheaper on a tie. */
const bestTier = (rows: readonly PriceCandidate[]): PriceCandidate | null =>
  rows.reduce<PriceCandidate | null>((best, c) => {
    if (!best || c.minQuantity > best.minQuantity) return c;
    return c.minQuantity === best.minQuantity && c.amount < best.amount ? c : best;
  }, null);

const groupByList = (rows: readonly PriceCandidate[]): PriceCandidate[][] => {
  const lists = new Map<string, PriceCandidate[]>();
  for (const r of rows) lists.set(r.priceListId ?? '', [...(lists.get(r.priceListId ?? '') ?? []), r]);
  return [...lists.values()];
};

/**
 * The unit price of one variant for a currency, quantity and moment, or null when it has none.
 * 1. An override list the caller is entitled to wins (its applicable tier), when it has one.
 * 2. Otherwise the lowest of the base tier and every running sale list's tier.
 * Pure and total: the same rows and query give the same answer, whatever their order.
 */
export const resolvePrice = (rows: readonly PriceCandidate[], query: PriceQuery): PriceCandidate | null => {
  const usable = rows.filter(
    (c) => c.currencyCode === query.currencyCode && c.minQuantity <= query.quantity && (c.listKind === null || inWindow(c, query.at)),
  );
  const entitled = new Set(query.priceListIds ?? []);
  const overrides = usable.filter((c) => c.listKind === 'override' && c.priceListId !== null && entitled.has(c.priceListId));
  const override = groupByList(overrides)
    .map(bestTier)
    .reduce<PriceCandidate | null>((best, c) => (c && (!best || cheaperOrFirst(c, best)) ? c : best), null);
  if (override) return override;
  const tiers = groupByList(usable.filter((c) => c.listKind !== 'override')).map(bestTier);
  return tiers.reduce<PriceCandidate | null>((best, c) => (c && (!best || cheaperOrFirst(c, best)) ? c : best), null);
};

/** Lower amount wins; equal amounts prefer the base price, then the smaller id (deterministic). */
const cheaperOrFirst = (c: PriceCandidate, best: PriceCandidate): boolean => {
  if (c.amount !== best.amount) return c.amount < best.amount;
  if ((c.priceListId === null) !== (best.priceListId === null)) return c.priceListId === null;
  return c.id < best.id;
};
