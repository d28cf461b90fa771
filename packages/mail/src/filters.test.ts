import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './filters.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('writes minor units in the currency and locale', () => {
    expect(nbsp(formatMoney(123456, 'EUR', 'en'))).toBe('€1,234.56');
    expect(nbsp(formatMoney(123456, 'EUR', 'de'))).toBe('1.234,56 €');
    expect(nbsp(formatMoney(123456, 'EUR', 'de-AT'))).toBe('€ 1.234,56');
    expect(nbsp(formatMoney(199, 'USD', 'en-US'))).toBe('$1.99');
  });

  it('uses the currency’s own decimals', () => {
    expect(nbsp(formatMoney(1500, 'JPY', 'ja'))).toBe('￥1,500');
    expect(nbsp(formatMoney(1500, 'KWD', 'en'))).toBe('KWD 1.500');
  });

  it('refuses what is no amount or no currency', () => {
    expect(() => formatMoney(12.5, 'EUR', 'en')).toThrow(/integer/);
    expect(() => formatMoney('12', 'EUR', 'en')).toThrow(/integer/);
    expect(() => formatMoney(12, 'euro', 'en')).toThrow(/currency/);
  });
});

describe('date', () => {
  const env = (locale: string, timeZone = 'UTC') => ({ locale, timeZone });

  it('writes the date as the locale does', () => {
    expect(formatDate('2026-03-14T09:30:00Z', env('en'), 'long')).toBe('March 14, 2026');
    expect(formatDate('2026-03-14T09:30:00Z', env('de'), 'long')).toBe('14. März 2026');
    expect(formatDate('2026-03-14T09:30:00Z', env('de'), 'medium')).toBe('14.03.2026');
  });

  it('adds the time of day in the given time zone', () => {
    expect(nbsp(formatDate('2026-03-14T23:30:00Z', env('en', 'UTC'), 'medium', 'short'))).toBe('Mar 14, 2026, 11:30 PM');
    expect(formatDate('2026-03-14T23:30:00Z', env('de', 'Europe/Berlin'), 'medium', 'short')).toBe('15.03.2026, 00:30');
  });

  it('refuses what is no date or no style', () => {
    expect(() => formatDate('yesterday', env('en'))).toThrow(/not a date/);
    expect(() => formatDate('2026-03-14', env('en'), 'huge')).toThrow(/style/);
  });
});
