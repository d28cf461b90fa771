import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinor, allocate, applyBasisPoints, mulMinor, toMinor } from './money.js';

/** Reference rounding: half away from zero, in BigInt only. */
const refBasisPoints = (amount: bigint, bp: bigint): bigint => {
  const scaled = amount * bp;
  const sign = scaled < 0n ? -1n : 1n;
  const abs = scaled * sign;
  return sign * ((abs + 5_000n) / 10_000n);
};

const amount = fc.integer({ min: 0, max: 10_000_000_000 });

describe('money', () => {
  it('reads bigint columns from every driver shape and refuses unsafe integers', () => {
    expect(toMinor('123')).toBe(123);
    expect(toMinor(123n)).toBe(123);
    expect(toMinor(7)).toBe(7);
    expect(() => toMinor('9007199254740993')).toThrow(/larger than the platform/);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(/larger than the platform/);
    expect(() => mulMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(/larger than the platform/);
  });

  it('applies basis points with half-away-from-zero rounding, exactly as BigInt arithmetic does', () => {
    expect(applyBasisPoints(1, 5_000)).toBe(1); // 0.5 → 1
    expect(applyBasisPoints(1, 4_999)).toBe(0);
    expect(applyBasisPoints(-1, 5_000)).toBe(-1);
    expect(applyBasisPoints(999, 2_000)).toBe(200); // 199.8
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
        expect(BigInt(applyBasisPoints(a, bp))).toBe(refBasisPoints(BigInt(a), BigInt(bp)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('allocates a total over weights: parts add up exactly and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(amount, fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum === 0) return;
        weights.forEach((w, i) => {
          const part = BigInt(parts[i] ?? -1);
          const exact = BigInt(total) * BigInt(w); // share × sum
          expect(part * BigInt(sum) <= exact + BigInt(sum)).toBe(true);
          expect(part * BigInt(sum) >= exact - BigInt(sum)).toBe(true);
          if (w === 0) expect(part).toBe(0n);
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it('allocates deterministically and never more to a part than its weight when the total fits', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [])).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (w, f) => {
          const sum = w.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * f);
          const parts = allocate(total, w);
          expect(allocate(total, w)).toEqual(parts);
          for (const [i, p] of parts.entries()) expect(p).toBeLessThanOrEqual(w[i] ?? 0);
        },
      ),
    );
  });
});
