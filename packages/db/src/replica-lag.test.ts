import { describe, expect, it } from 'vitest';
import { createLagClock, parseLsn } from './replica-lag.js';

describe('replica lag', () => {
  it('reads WAL positions as numbers that compare', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('nonsense')).toThrow(/WAL position/);
  });

  it('is the age of the oldest position not replayed yet; an idle primary makes an idle replica no later', () => {
    const clock = createLagClock(60_000);
    clock.sample(100n, 1_000);
    // Caught up: nothing is behind, however long ago the primary last wrote.
    expect(clock.lagMs(100n, 50_000)).toBe(0);
    clock.sample(100n, 2_000);
    clock.sample(150n, 3_000);
    clock.sample(200n, 4_000);
    expect(clock.lagMs(100n, 4_500)).toBe(1_500);
    expect(clock.lagMs(160n, 4_500)).toBe(500);
    expect(clock.lagMs(200n, 4_500)).toBe(0);
  });

  it('keeps positions for the horizon only: further behind reads as at least the horizon', () => {
    const clock = createLagClock(10_000);
    for (let t = 0; t <= 60_000; t += 1_000) clock.sample(BigInt(t + 1), t);
    // Behind every kept position: at least the horizon, not the whole minute.
    const lag = clock.lagMs(0n, 60_000);
    expect(lag).toBeGreaterThanOrEqual(10_000);
    expect(lag).toBeLessThan(12_000);
  });
});
