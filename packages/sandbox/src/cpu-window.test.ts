import { describe, expect, it } from 'vitest';
import { createCpuWindow } from './cpu-window.js';

describe('createCpuWindow', () => {
  it('lets a key run until it has spent its budget within the window, then until its oldest spending has left it', () => {
    const window = createCpuWindow(100, 60_000);
    const t0 = 1_000_000;
    expect(window.waitMs('a', t0)).toBe(0);
    window.spend('a', 60, t0);
    expect(window.waitMs('a', t0 + 10)).toBe(0);
    window.spend('a', 50, t0 + 30_000);
    // 110 ms spent: the 60 ms of t0's second leave the window 60 s after that second ends.
    expect(window.waitMs('a', t0 + 30_000)).toBe(31_000);
    expect(window.waitMs('b', t0 + 30_000)).toBe(0);
    expect(window.waitMs('a', t0 + 61_000)).toBe(0);
  });

  it('waits for as many old buckets as it takes, and forgets a key whose spending has all left', () => {
    const window = createCpuWindow(100, 10_000);
    window.spend('a', 40, 0);
    window.spend('a', 40, 2_000);
    window.spend('a', 40, 4_000);
    // 120 spent: the first bucket leaving (at 11 s) brings it to 80, under the budget.
    expect(window.waitMs('a', 5_000)).toBe(6_000);
    window.spend('a', 80, 5_000);
    // 200 spent: the buckets of 0 s and 2 s must leave (120 left is still over; 80 after the third).
    expect(window.waitMs('a', 5_000)).toBe(10_000);
    expect(window.waitMs('a', 30_000)).toBe(0);
  });
});
