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
    // At least the garbage made here (~70 MB) leaves the heap, whatever else the worker's heap holds.
    expect(report.heapBeforeBytes - report.heapAfterBytes).toBeGreaterThan(40 * 2 ** 20);
    expect(report.ms).toBeGreaterThanOrEqual(0);
  });
});
