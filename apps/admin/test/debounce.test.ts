import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, debounce } from '../src/debounce.js';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the newest arguments, after the calls stop for the delay', () => {
    const seen: string[] = [];
    const d = debounce((text: string) => seen.push(text), 300);
    d.call('a');
    vi.advanceTimersByTime(200);
    d.call('ab');
    vi.advanceTimersByTime(200);
    d.call('abc');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['abc']);
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual(['abc']);
  });

  it('flushes a waiting call now and cancels one', () => {
    const seen: number[] = [];
    const d = debounce((n: number) => seen.push(n), 300);
    d.call(1);
    d.flush();
    expect(seen).toEqual([1]);
    d.flush();
    expect(seen).toEqual([1]);
    d.call(2);
    d.cancel();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([1]);
  });
});

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffMs(n, 1_000, 30_000, middle))).toEqual([
      1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('spreads clients by ±20 %', () => {
    expect(backoffMs(3, 1_000, 30_000, () => 0)).toBe(3_200);
    expect(backoffMs(3, 1_000, 30_000, () => 1)).toBe(4_800);
  });
});
