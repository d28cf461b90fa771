import { describe, expect, it } from 'vitest';
import { forEach, formatOptions, minorUnits, parseOptions, scaledPrices } from '../src/api/catalog-helpers.js';

// The catalog screens' arithmetic and bulk runner, without a browser.
describe('admin catalog helpers', () => {
  it('scales base prices by a percentage to whole minor units, never below zero', () => {
    const prices = [
      { amount: 2450, currencyCode: 'USD', minQuantity: 1 },
      { amount: 999, currencyCode: 'EUR', minQuantity: 10 },
    ];
    expect(scaledPrices(prices, 10)).toEqual([
      { amount: 2695, currencyCode: 'USD', minQuantity: 1 },
      { amount: 1099, currencyCode: 'EUR', minQuantity: 10 },
    ]);
    expect(scaledPrices(prices, -5).map((p) => p.amount)).toEqual([2328, 949]);
    expect(scaledPrices(prices, -150).map((p) => p.amount)).toEqual([0, 0]);
  });

  it('runs every item, counting the done ones and keeping the failures', async () => {
    const seen: string[] = [];
    const outcome = await forEach(['a', 'b', 'c', 'd', 'e'], async (id) => {
      seen.push(id);
      if (id === 'b' || id === 'd') throw new Error(`no ${id}`);
    });
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(outcome.done).toBe(3);
    expect(outcome.failures.map((e) => e.message).sort()).toEqual(['no b', 'no d']);
  });

  it('reads options one "name: value" per line and writes them back', () => {
    expect(parseOptions('size: L\ncolour : dark: blue\n\nbroken line')).toEqual({ size: 'L', colour: 'dark: blue' });
    expect(formatOptions({ size: 'L', colour: 'blue' })).toBe('size: L\ncolour: blue');
    expect(minorUnits('27.5')).toBe(2750);
    expect(minorUnits('0.29')).toBe(29);
  });
});
