import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PriceCandidate, type PriceQuery, resolvePrice } from './resolve.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const LISTS = ['00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-00000000000c'];

/** A window around NOW: open, running, not started yet, or over. */
const windowArb = fc.constantFrom(
  { startsAt: null, endsAt: null },
  { startsAt: new Date(NOW.getTime() - HOUR), endsAt: new Date(NOW.getTime() + HOUR) },
  { startsAt: new Date(NOW.getTime() + HOUR), endsAt: null },
  { startsAt: null, endsAt: new Date(NOW.getTime() - HOUR) },
  { startsAt: null, endsAt: NOW },
  { startsAt: NOW, endsAt: null },
);

const candidateArb = (i: number) =>
  fc
    .record({
      currencyCode: fc.constantFrom('USD', 'EUR'),
      amount: fc.integer({ min: 0, max: 100_000 }),
      minQuantity: fc.integer({ min: 1, max: 20 }),
      list: fc.constantFrom<number | null>(null, 0, 1, 2),
      kinds: fc.constantFrom<'sale' | 'override'>('sale', 'override'),
      window: windowArb,
    })
    .map(
      (r): PriceCandidate => ({
        id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        variantId: 'v',
        currencyCode: r.currencyCode,
        amount: r.amount,
        minQuantity: r.minQuantity,
        priceListId: r.list === null ? null : (LISTS[r.list] ?? null),
        listKind: r.list === null ? null : r.kinds,
        startsAt: r.list === null ? null : r.window.startsAt,
        endsAt: r.list === null ? null : r.window.endsAt,
      }),
    );

/** A list has one kind and one window: the candidates of a list agree on them, as rows of one list do. */
const harmonize = (rows: PriceCandidate[]): PriceCandidate[] => {
  const first = new Map<string, PriceCandidate>();
  return rows.map((r) => {
    if (r.priceListId === null) return r;
    const head = first.get(r.priceListId) ?? r;
    first.set(r.priceListId, head);
    return { ...r, listKind: head.listKind, startsAt: head.startsAt, endsAt: head.endsAt };
  });
};

const rowsArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(i))))
  .map((rows) => harmonize(rows as PriceCandidate[]));

const queryArb = fc.record({
  currencyCode: fc.constantFrom('USD', 'EUR'),
  quantity: fc.integer({ min: 1, max: 25 }),
  at: fc.constant(NOW),
  priceListIds: fc.subarray(LISTS),
});

const running = (c: PriceCandidate, at: Date) =>
  (c.startsAt === null || c.startsAt.getTime() <= at.getTime()) && (c.endsAt === null || at.getTime() < c.endsAt.getTime());

describe('resolvePrice (properties)', () => {
  it('is deterministic and independent of the order of the rows', () => {
    const withShuffle = rowsArb.chain((rows) =>
      fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
    );
    fc.assert(
      fc.property(withShuffle, queryArb, ([rows, shuffled], query) => {
        expect(resolvePrice(shuffled, query)).toEqual(resolvePrice(rows, query));
        expect(resolvePrice([...rows].reverse(), query)).toEqual(resolvePrice(rows, query));
      }),
    );
  });

  it('answers one of the candidates, in the asked currency, never a tier above the quantity', () => {
    fc.assert(
      fc.property(rowsArb, queryArb, (rows, query) => {
        const price = resolvePrice(rows, query);
        if (price === null) return;
        expect(rows).toContain(price);
        expect(price.currencyCode).toBe(query.currencyCode);
        expect(price.minQuantity).toBeLessThanOrEqual(query.quantity);
      }),
    );
  });

  it('never uses a sale list outside its window nor an override list the buyer is not entitled to', () => {
    fc.assert(
      fc.property(rowsArb, queryArb, (rows, query) => {
        const price = resolvePrice(rows, query);
        if (price === null || price.listKind === null) return;
        expect(running(price, query.at)).toBe(true);
        if (price.listKind === 'override') expect(query.priceListIds).toContain(price.priceListId);
      }),
    );
  });

  it('lets an entitled, running override list with an applicable tier win over cheaper prices', () => {
    fc.assert(
      fc.property(rowsArb, queryArb, (rows, query) => {
        const entitled = new Set(query.priceListIds);
        const applicable = rows.filter(
          (c) =>
            c.listKind === 'override' &&
            c.priceListId !== null &&
            entitled.has(c.priceListId) &&
            c.currencyCode === query.currencyCode &&
            c.minQuantity <= query.quantity &&
            running(c, query.at),
        );
        const price = resolvePrice(rows, query);
        if (applicable.length > 0) expect(price?.listKind).toBe('override');
        else expect(price?.listKind ?? null).not.toBe('override');
      }),
    );
  });

  it('finds a price whenever a base price applies, and it is no dearer than that base tier', () => {
    fc.assert(
      fc.property(rowsArb, queryArb, (rows, query: PriceQuery) => {
        const base = rows.filter((c) => c.listKind === null && c.currencyCode === query.currencyCode && c.minQuantity <= query.quantity);
        const price = resolvePrice(rows, query);
        if (base.length === 0 || price?.listKind === 'override') return;
        const top = Math.max(...base.map((c) => c.minQuantity));
        const baseAmount = Math.min(...base.filter((c) => c.minQuantity === top).map((c) => c.amount));
        expect(price).not.toBeNull();
        expect(price?.amount ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(baseAmount);
      }),
    );
  });
});

describe('resolvePrice (examples)', () => {
  const base = (amount: number, minQuantity = 1, id = '1'): PriceCandidate => ({
    id,
    variantId: 'v',
    currencyCode: 'USD',
    amount,
    minQuantity,
    priceListId: null,
    listKind: null,
    startsAt: null,
    endsAt: null,
  });
  const q = (quantity: number, priceListIds: string[] = []): PriceQuery => ({ currencyCode: 'USD', quantity, at: NOW, priceListIds });

  it('picks the largest tier not above the quantity', () => {
    const rows = [base(1000, 1, 'a'), base(900, 10, 'b'), base(800, 100, 'c')];
    expect(resolvePrice(rows, q(1))?.amount).toBe(1000);
    expect(resolvePrice(rows, q(10))?.amount).toBe(900);
    expect(resolvePrice(rows, q(99))?.amount).toBe(900);
    expect(resolvePrice(rows, q(100))?.amount).toBe(800);
  });

  it('takes a running sale when cheaper and ignores it outside its window', () => {
    const sale = (startsAt: Date | null, endsAt: Date | null): PriceCandidate => ({
      ...base(700, 1, 's'),
      priceListId: LISTS[0] ?? null,
      listKind: 'sale',
      startsAt,
      endsAt,
    });
    expect(resolvePrice([base(1000), sale(new Date(NOW.getTime() - HOUR), null)], q(1))?.amount).toBe(700);
    expect(resolvePrice([base(1000), sale(new Date(NOW.getTime() + HOUR), null)], q(1))?.amount).toBe(1000);
    expect(resolvePrice([base(1000), sale(null, NOW)], q(1))?.amount).toBe(1000);
  });

  it('applies an override list only to the entitled, even when dearer', () => {
    const wholesale: PriceCandidate = { ...base(1200, 1, 'w'), priceListId: LISTS[1] ?? null, listKind: 'override' };
    expect(resolvePrice([base(1000), wholesale], q(1))?.amount).toBe(1000);
    expect(resolvePrice([base(1000), wholesale], q(1, [LISTS[1] ?? '']))?.amount).toBe(1200);
  });
});
