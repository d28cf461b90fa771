import { describe, expect, it } from 'vitest';
import { compareDecimals, decimalBound, decimalRangeProblem } from './decimal.js';

describe('exact decimals', () => {
  it('writes number bounds out in full', () => {
    expect(decimalBound(-90)).toBe('-90');
    expect(decimalBound(0.1)).toBe('0.1');
    expect(decimalBound(1.5e-7)).toBe('0.00000015');
    expect(decimalBound(-1e-9)).toBe('-0.000000001');
    expect(decimalBound(1e21)).toBe('1000000000000000000000');
    expect(decimalBound(1.25e22)).toBe('12500000000000000000000');
  });

  it('compares digit by digit, whatever the scales', () => {
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('123456789012345678.000000001', '123456789012345678')).toBe(1);
    expect(compareDecimals('-0.5', '0.1')).toBe(-1);
    expect(compareDecimals('-2', '-10')).toBe(1);
    expect(compareDecimals('1e5', '1')).toBeUndefined();
  });

  it('names the broken bound', () => {
    expect(decimalRangeProblem({ minimum: '0.1' }, '0.099999999')).toBe('must be >= 0.1');
    expect(decimalRangeProblem({ maximum: '90' }, '90.000000001')).toBe('must be <= 90');
    expect(decimalRangeProblem({ minimum: '-90', maximum: '90' }, '45.5')).toBeUndefined();
  });
});
