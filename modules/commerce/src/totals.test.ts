import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals, type DiscountRule, type TotalsInput } from './totals.js';

const line = fc.record({
  unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
  quantity: fc.integer({ min: 1, max: 1_000 }),
  discountable: fc.boolean(),
});
const discount: fc.Arbitrary<DiscountRule | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percentage' as const), value: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 1, max: 100_000_000 }) }),
);
const input: fc.Arbitrary<TotalsInput> = fc.record({
  lines: fc.array(line, { minLength: 0, maxLength: 25 }),
  discount,
  taxRateBp: fc.integer({ min: 0, max: 10_000 }),
  shipping: fc.integer({ min: 0, max: 1_000_000 }),
});

/** The same rules computed independently in BigInt: the discount the whole basket should get. */
const expectedDiscount = (i: TotalsInput): bigint => {
  const base = i.lines.filter((l) => l.discountable).reduce((a, l) => a + BigInt(l.unitPrice) * BigInt(l.quantity), 0n);
  if (!i.discount || base === 0n) return 0n;
  if (i.discount.kind === 'fixed') return BigInt(i.discount.value) < base ? BigInt(i.discount.value) : base;
  return (base * BigInt(i.discount.value) + 5_000n) / 10_000n;
};

describe('computeTotals', () => {
  it('keeps every total equal to the sum of its parts, with no rounding drift', () => {
    fc.assert(
      fc.property(input, (i) => {
        const t = computeTotals(i);
        const sum = (f: (l: (typeof t.lines)[number]) => number) => t.lines.reduce((a, l) => a + f(l), 0);
        for (const [k, l] of t.lines.entries()) {
          const src = i.lines[k];
          expect(l.subtotal).toBe((src?.unitPrice ?? 0) * (src?.quantity ?? 0));
          expect(l.total).toBe(l.subtotal - l.discountTotal + l.taxTotal);
          expect(l.discountTotal).toBeGreaterThanOrEqual(0);
          expect(l.discountTotal).toBeLessThanOrEqual(l.subtotal);
          if (!src?.discountable) expect(l.discountTotal).toBe(0);
          const net = BigInt(l.subtotal - l.discountTotal);
          expect(BigInt(l.taxTotal)).toBe((net * BigInt(i.taxRateBp) + 5_000n) / 10_000n);
        }
        expect(t.subtotal).toBe(sum((l) => l.subtotal));
        expect(t.discountTotal).toBe(sum((l) => l.discountTotal));
        expect(t.taxTotal).toBe(sum((l) => l.taxTotal));
        expect(t.shippingTotal).toBe(i.shipping);
        expect(t.total).toBe(sum((l) => l.total) + t.shippingTotal);
        expect(t.total).toBe(t.subtotal - t.discountTotal + t.shippingTotal + t.taxTotal);
      }),
      { numRuns: 2_000 },
    );
  });

  it('allocates exactly the basket discount over discountable lines, in proportion to their subtotals', () => {
    fc.assert(
      fc.property(input, (i) => {
        const t = computeTotals(i);
        expect(BigInt(t.discountTotal)).toBe(expectedDiscount(i));
        const base = i.lines.reduce((a, l) => (l.discountable ? a + l.unitPrice * l.quantity : a), 0);
        if (base === 0) return;
        for (const [k, l] of t.lines.entries()) {
          const weight = i.lines[k]?.discountable ? l.subtotal : 0;
          const exactTimesBase = BigInt(t.discountTotal) * BigInt(weight);
          const diff = BigInt(l.discountTotal) * BigInt(base) - exactTimesBase;
          expect(diff < BigInt(base) && diff > -BigInt(base)).toBe(true); // within one minor unit of the exact share
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same order totals whatever the order of the lines', () => {
    fc.assert(
      fc.property(input, fc.integer(), (i, seed) => {
        const shuffled = [...i.lines].sort((a, b) => ((a.unitPrice * 31 + b.quantity + seed) % 3) - 1);
        const a = computeTotals(i);
        const b = computeTotals({ ...i, lines: shuffled });
        expect([b.subtotal, b.discountTotal, b.shippingTotal]).toEqual([a.subtotal, a.discountTotal, a.shippingTotal]);
      }),
    );
  });

  it('computes a worked example by hand', () => {
    const t = computeTotals({
      lines: [
        { unitPrice: 1999, quantity: 3, discountable: true },
        { unitPrice: 500, quantity: 1, discountable: false },
        { unitPrice: 333, quantity: 1, discountable: true },
      ],
      discount: { kind: 'percentage', value: 1_000 },
      taxRateBp: 2_000,
      shipping: 495,
    });
    // discountable base 5997 + 333 = 6330 → 10 % = 633, split 5997:333 → 599.7 / 33.3 → 600 / 33
    expect(t.lines.map((l) => [l.subtotal, l.discountTotal, l.taxTotal, l.total])).toEqual([
      [5997, 600, 1079, 6476],
      [500, 0, 100, 600],
      [333, 33, 60, 360],
    ]);
    expect(t).toMatchObject({ subtotal: 6830, discountTotal: 633, taxTotal: 1239, shippingTotal: 495, total: 7931 });
  });

  it('refuses negative or fractional inputs with a coded error', () => {
    expect(() =>
      computeTotals({ lines: [{ unitPrice: -1, quantity: 1, discountable: true }], discount: null, taxRateBp: 0, shipping: 0 }),
    ).toThrow(/non-negative integer/);
    expect(() => computeTotals({ lines: [], discount: null, taxRateBp: 0.5, shipping: 0 })).toThrow(/non-negative integer/);
  });
});
