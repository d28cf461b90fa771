import { describe, expect, it } from 'vitest';
import { settleMemory } from './settle-memory.js';

describe('settleMemory', () => {
  it('gives back the pages start-up garbage held, keeping live objects', () => {
    // Garbage interleaved with survivors, as start-up leaves it: one object in eight stays.
    let garbage: { n: number; text: string }[] | undefined = Array.from({ length: 1_500_000 }, (_, n) => ({ n, text: `item ${n}` }));
    const kept = garbage.filter((_, n) => n % 8 === 0);
    garbage = undefined;
    const report = settleMemory();
    expect(garbage).toBeUndefined();
    expect(kept).toHaveLength(187_500);
    expect(kept[100]?.text).toBe('item 800');
    expect(report.heapAfterBytes).toBeLessThan(report.heapBeforeBytes * 0.8);
    expect(report.ms).toBeGreaterThanOrEqual(0);
  });
});
